/**
 * Servers under test run in a child Node process, so their work does not share the client's event loop (the
 * load generator and the client under test stay in the bench process). The child prints one line with its URL.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

export interface ChildServer {
  url: string
  pid: number
  stop(): Promise<void>
}

const CHILDREN = join(__dirname, '../children')

/**
 * Starts `bench/children/<name>.ts` through tsx. Extra Node flags for profiling a child come from
 * BENCH_CHILD_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
 */
export async function startChild(name: string, args: readonly string[] = []): Promise<ChildServer> {
  const extra = (process.env['BENCH_CHILD_NODE_ARGS'] ?? '').split(' ').filter(Boolean)
  const child: ChildProcess = spawn(
    process.execPath,
    [...extra, '--import', 'tsx', join(CHILDREN, `${name}.ts`), ...args],
    { stdio: ['ignore', 'pipe', 'inherit'], env: process.env },
  )
  const stdout = child.stdout
  if (!stdout || child.pid === undefined) throw new Error(`could not start ${name}`)
  const pid = child.pid
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: stdout })
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 20 s`)), 20_000)
    lines.once('line', (line) => {
      clearTimeout(timer)
      const match = /(https?:\/\/\S+)/.exec(line)
      if (match?.[1]) resolve(match[1])
      else reject(new Error(`${name} printed an unexpected line: ${line}`))
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${name} exited early with code ${String(code)}`))
    })
  })
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
  return {
    url,
    pid,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(force)
    },
  }
}
