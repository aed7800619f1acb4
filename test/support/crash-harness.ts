/**
 * The one kill -9 harness of the crash tests (append log, history, whole-file writes): a child script bundled
 * once with esbuild (tsx would cost a second of start-up per kill), started on a data folder, SIGKILLed at a
 * chosen moment after it said `ready`, and its stdout read to the end — every line it wrote before dying.
 *
 * The child's protocol: it prints `ready` once it can work, then whatever the test reads (`ack <id>` after an
 * entry is durable, `stats …`). A partial last line (cut by the kill) is dropped: it is not an acknowledgement.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import { expect } from 'vitest'
import { prng } from './prng'

export const REPO_ROOT = path.resolve(__dirname, '../..')

/** An import specifier for a repo file, for a child's source. */
export const repoImport = (relative: string): string => JSON.stringify(path.join(REPO_ROOT, relative))

export interface CrashChild {
  /** A folder for the test's data folders; removed by cleanup(). */
  work: string
  /** Runs the child on `dir` with `args`, SIGKILLs it `killAfterMs` after `ready`, resolves with its stdout lines. */
  runAndKill(dir: string, killAfterMs: number, args?: readonly string[]): Promise<string[]>
  cleanup(): Promise<void>
}

/** Bundles `source` (TypeScript, top-level await allowed) into a runnable child. */
export async function buildCrashChild(name: string, source: string): Promise<CrashChild> {
  const work = await mkdtemp(path.join(tmpdir(), `hfc-crash-${name}-`))
  const entry = path.join(work, `${name}.ts`)
  await writeFile(entry, source)
  const script = path.join(work, `${name}.mjs`)
  await build({
    entryPoints: [entry],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  })
  return {
    work,
    runAndKill: (dir, killAfterMs, args = []) => runAndKill(script, dir, killAfterMs, args),
    cleanup: () => rm(work, { recursive: true, force: true }),
  }
}

function runAndKill(script: string, dir: string, ms: number, args: readonly string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let armed = false
    const guard = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`crash child never became ready: ${stderr}`))
    }, 15_000)
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (!armed && stdout.includes('ready\n')) {
        armed = true
        clearTimeout(guard)
        setTimeout(() => child.kill('SIGKILL'), ms)
      }
    })
    // 'close' comes after stdout has been read to its end: every line the child wrote before dying is here.
    child.on('close', (code, signal) => {
      clearTimeout(guard)
      if (signal !== 'SIGKILL')
        return reject(new Error(`crash child exited by itself (${code ?? signal}): ${stderr}`))
      const lines = stdout.split('\n')
      lines.pop() // a partial last line is not an acknowledgement
      resolve(lines)
    })
  })
}

/** The ids a child acknowledged (`ack <id>` lines). */
export const acknowledged = (lines: readonly string[]): string[] =>
  lines.filter((line) => line.startsWith('ack ')).map((line) => line.slice(4))

export interface KillLoopOptions {
  /** Names the data folder (`data-<label>-…`). */
  label: string
  seed: number
  kills: number
  /** Each kill comes `minMs` plus a seeded random part of `spreadMs` after the child said `ready`. */
  minMs: number
  spreadMs: number
  /** The child's arguments after the kill's number. */
  args: readonly string[]
}

/**
 * Runs the child `kills` times on one data folder, SIGKILLed at seeded random moments; after every kill
 * `reopen` reads the folder back with the code under test and says which ids are there (it is given the lines
 * the child printed, for its own counts). Checks that no id is there twice; counts, per kill, the ids the
 * child acknowledged that are missing.
 */
export async function killRepeatedly(
  child: CrashChild,
  options: KillLoopOptions,
  reopen: (dir: string, lines: readonly string[]) => Promise<string[]>,
): Promise<{ dir: string; acked: number; lostPerKill: number[] }> {
  const dir = await mkdtemp(path.join(child.work, `data-${options.label}-`))
  const random = prng(options.seed)
  const acked: string[] = []
  const lostPerKill: number[] = []
  for (let kill = 1; kill <= options.kills; kill += 1) {
    const ms = options.minMs + Math.floor(random() * options.spreadMs)
    const lines = await child.runAndKill(dir, ms, [String(kill), ...options.args])
    acked.push(...acknowledged(lines))
    const ids = await reopen(dir, lines)
    const present = new Set(ids)
    expect(present.size, `seed ${options.seed}, kill ${kill}: no entry twice`).toBe(ids.length)
    lostPerKill.push(acked.filter((id) => !present.has(id)).length)
  }
  return { dir, acked: acked.length, lostPerKill }
}
