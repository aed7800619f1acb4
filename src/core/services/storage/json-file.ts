/**
 * A versioned JSON file in the data folder, written atomically (temp file + fsync + rename, so a crash leaves
 * the old or the new file, never half of one) and tolerant of corruption (the bad file is kept as `.corrupt`
 * for support, and the app starts fresh and says so in the log).
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { z } from 'zod'
import type { Logger } from '../../app-types'

export interface LoadResult<T> {
  data: T
  /** Set when the file existed but could not be used; the path of the kept copy. */
  corruptCopy?: string
}

export async function loadJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  fresh: () => z.output<S>,
  logger: Logger,
): Promise<LoadResult<z.output<S>>> {
  await removeStaleTemps(file)
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { data: fresh() }
    throw error
  }
  let reason: string
  try {
    const parsed = schema.safeParse(JSON.parse(text))
    if (parsed.success) return { data: parsed.data }
    reason = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ')
  } catch (error) {
    reason = `not JSON: ${error instanceof Error ? error.message : String(error)}`
  }
  const corruptCopy = `${file}.corrupt`
  await fs.copyFile(file, corruptCopy)
  logger.log('warn', `${path.basename(file)} was unreadable; kept a copy and started fresh`, {
    corruptCopy,
    reason,
  })
  return { data: fresh(), corruptCopy }
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * A writer killed between creating its temp file and the rename leaves `<name>.<pid>.<n>.tmp` behind. On load,
 * those of processes no longer running are removed, so killed writers cannot pile temp files up. Temps of a
 * live process (this one, or another app instance on the same folder) are left alone: they may be in flight.
 */
async function removeStaleTemps(file: string): Promise<void> {
  const dir = path.dirname(file)
  const base = path.basename(file)
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch {
    return
  }
  for (const name of names) {
    const match = /^(.+)\.(\d+)\.\d+\.tmp$/.exec(name)
    if (!match || match[1] !== base) continue
    const pid = Number(match[2])
    if (pid === process.pid || isRunning(pid)) continue
    await fs.rm(path.join(dir, name), { force: true }).catch(() => undefined)
  }
}

let counter = 0

/**
 * The data folder (history, settings, log, journal exports) is the user's alone: created 0700, and an existing
 * folder of this user's with wider permissions (an older version made them 0755; Electron makes userData 0755)
 * is narrowed to 0700. Not on Windows, where modes do not apply.
 */
export async function ensurePrivateFolder(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 })
  if (process.platform === 'win32') return
  const info = await fs.stat(dir)
  if ((info.mode & 0o077) !== 0 && info.uid === process.getuid?.()) await fs.chmod(dir, 0o700)
}

export async function writeJsonFileAtomic(file: string, data: unknown): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
  counter += 1
  const temp = `${file}.${process.pid}.${counter}.tmp`
  const handle = await fs.open(temp, 'w', 0o600)
  try {
    await handle.writeFile(`${JSON.stringify(data, null, 2)}\n`, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await fs.rename(temp, file)
  } catch (error) {
    await fs.rm(temp, { force: true })
    throw error
  }
}
