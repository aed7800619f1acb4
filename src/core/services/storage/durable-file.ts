/**
 * Writes that survive a crash and a power cut: a whole file replaced atomically (temp file, fsync, rename, then
 * fsync of the folder so the rename itself is on disk), and the folder fsync on its own for a file just created.
 * The one whole-file writer of the data folder: json-file.ts's writeJsonFileAtomic (settings, window state,
 * script copies) and the append log's compactions (history) both write through writeFileDurable.
 *
 * Temp names are `<file>.<pid>.<n>.tmp`, unique per write, so two writes of one file in one process (a window
 * state saved twice in a row) never share a temp. A writer killed between creating its temp and the rename
 * leaves one behind: `removeStaleTemps` (run when a file is loaded) removes those of processes no longer running.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'

/** fsync of a folder, so entries created or renamed in it are durable. A no-op where folders cannot be opened. */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(dir, 'r')
    await handle.sync()
  } catch (error) {
    // Windows cannot open a folder for fsync (EISDIR/EPERM); NTFS journals the rename itself.
    if (!['EISDIR', 'EPERM', 'EINVAL'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error
  } finally {
    await handle?.close()
  }
}

let counter = 0
const TEMP_NAME = /^(.+)\.(\d+)\.\d+\.tmp$/

/** A fresh temp name next to `file`, e.g. `settings.json.4242.7.tmp`. */
export function tempNameOf(file: string): string {
  counter += 1
  return `${file}.${process.pid}.${counter}.tmp`
}

/** Replaces `file` with `text`: after it resolves, a crash or power cut leaves the new content. */
export async function writeFileDurable(file: string, text: string, mode = 0o600): Promise<void> {
  const dir = path.dirname(file)
  const temp = tempNameOf(file)
  const handle = await fs.open(temp, 'w', mode)
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync()
  } catch (error) {
    await handle.close()
    await fs.rm(temp, { force: true })
    throw error
  }
  await handle.close()
  try {
    await fs.rename(temp, file)
  } catch (error) {
    await fs.rm(temp, { force: true })
    throw error
  }
  await fsyncDir(dir)
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
 * Removes the temps of `file` that killed writers left behind. Temps of a live process (this one, or another
 * app instance on the same folder) are left alone: they may be in flight.
 */
export async function removeStaleTemps(file: string): Promise<void> {
  const dir = path.dirname(file)
  const base = path.basename(file)
  let names: string[]
  try {
    names = await fs.readdir(dir)
  } catch {
    return
  }
  for (const name of names) {
    const match = TEMP_NAME.exec(name)
    if (!match || match[1] !== base) continue
    const pid = Number(match[2])
    if (pid === process.pid || isRunning(pid)) continue
    await fs.rm(path.join(dir, name), { force: true }).catch(() => undefined)
  }
}
