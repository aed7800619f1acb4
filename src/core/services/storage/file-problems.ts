/**
 * What can be wrong with a data file, each told apart and named, and bad content kept aside for support:
 * - missing: normal on a first start (not a problem);
 * - a folder (or anything but a regular file) where the file should be, or a file that cannot be read
 *   (EACCES, EIO…): an error naming the file and what to do — the app must not start over it silently;
 * - not JSON, or JSON that does not match the schema (a newer app's file, a hand edit): the content is kept in a
 *   timestamped copy that is never overwritten, and the notice names the file and the copy, so the UI can say
 *   "your 23 custom environments are in settings.json.corrupt-…" instead of dropping them silently.
 */
import { constants, promises as fs } from 'node:fs'
import path from 'node:path'
import type { z } from 'zod'

export type FileProblemKind = 'not-a-file' | 'unreadable' | 'invalid-json' | 'schema-invalid'

export interface FileProblem {
  kind: FileProblemKind
  /** Full path of the file. */
  file: string
  /** One line for people, naming the file (and the copy, when one was kept). */
  message: string
  /** Where the content was kept (invalid-json, schema-invalid). */
  keptAs?: string
  /** The parser's or the system's own words. */
  detail: string
}

/** A data file the console cannot start over (a folder in its place, or unreadable): the message names it. */
export class DataFileError extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.message)
    this.name = 'DataFileError'
  }
}

export type LoadOutcome<T> =
  { status: 'missing' } | { status: 'ok'; data: T } | { status: 'problem'; problem: FileProblem }

/**
 * `<file>.corrupt-<UTC time>[-n]`, e.g. `settings.json.corrupt-2026-12-02T01-02-03-456Z` (no colons, so the
 * name is valid on every OS; sorts by time). `attempt` > 0 adds a counter for copies made in the same ms.
 */
export function corruptCopyName(file: string, at: Date, attempt = 0): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-')
  return `${file}.corrupt-${stamp}${attempt > 0 ? `-${attempt}` : ''}`
}

/** Removes every corrupt copy kept aside in `dir` (Clear all data: they hold history and settings); the count. */
export async function removeCorruptCopies(dir: string): Promise<number> {
  let removed = 0
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    if (!/\.corrupt-\d{4}-\d{2}-\d{2}T[\d-]+Z(-\d+)?$/.test(name)) continue
    await fs.rm(path.join(dir, name), { force: true })
    removed += 1
  }
  return removed
}

/** Copies `file` to a fresh corrupt-copy name (never over an existing copy); resolves to the copy's path. */
export async function keepAside(file: string, now: () => Date = () => new Date()): Promise<string> {
  const at = now()
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    const copy = corruptCopyName(file, at, attempt)
    try {
      await fs.copyFile(file, copy, constants.COPYFILE_EXCL)
      return copy
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  throw new Error(`could not find a free name to keep ${file} aside`)
}

const code = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'UNKNOWN'
const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** The FileProblem of `kind` for `file`, its message naming the file (and the copy kept). */
export function fileProblem(
  kind: FileProblemKind,
  file: string,
  detail: string,
  keptAs?: string,
): FileProblem {
  const name = path.basename(file)
  const messages: Record<FileProblemKind, string> = {
    'not-a-file': `${name} is not a file (${file} is a folder or a special file): move it out of the way, then start the console again.`,
    unreadable: `${name} cannot be read (${detail}): check the permissions of ${file}, then start the console again.`,
    'invalid-json': `${name} is not valid JSON, so the console started without it; its content was kept as ${path.basename(keptAs ?? '')}.`,
    'schema-invalid': `${name} does not have the expected content (${detail}), so the console started without it; its content was kept as ${path.basename(keptAs ?? '')}.`,
  }
  return { kind, file, message: messages[kind], detail, ...(keptAs ? { keptAs } : {}) }
}

/** Reads and validates a JSON data file, telling every way it can fail apart (see the module comment). */
export async function loadCheckedJson<S extends z.ZodType>(
  file: string,
  schema: S,
  now: () => Date = () => new Date(),
): Promise<LoadOutcome<z.output<S>>> {
  try {
    const stats = await fs.stat(file)
    if (!stats.isFile())
      return { status: 'problem', problem: fileProblem('not-a-file', file, 'not a regular file') }
  } catch (error) {
    if (code(error) === 'ENOENT') return { status: 'missing' }
    return { status: 'problem', problem: fileProblem('unreadable', file, `${code(error)}: ${reason(error)}`) }
  }
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (error) {
    if (code(error) === 'EISDIR')
      return { status: 'problem', problem: fileProblem('not-a-file', file, 'a folder') }
    return { status: 'problem', problem: fileProblem('unreadable', file, `${code(error)}: ${reason(error)}`) }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return {
      status: 'problem',
      problem: fileProblem('invalid-json', file, reason(error), await keepAside(file, now)),
    }
  }
  const parsed = schema.safeParse(json)
  if (parsed.success) return { status: 'ok', data: parsed.data }
  const issues = parsed.error.issues
  const first = issues[0]
  const detail = first
    ? `${first.path.map(String).join('.') || '(root)'}: ${first.message}${issues.length > 1 ? ` (+${issues.length - 1} more)` : ''}`
    : 'schema mismatch'
  return {
    status: 'problem',
    problem: fileProblem('schema-invalid', file, detail, await keepAside(file, now)),
  }
}
