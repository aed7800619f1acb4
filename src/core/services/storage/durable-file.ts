/**
 * Writes that survive a crash and a power cut: a whole file replaced atomically (temp file, fsync, rename, then
 * fsync of the folder so the rename itself is on disk), and the folder fsync on its own for a file just created.
 * json-file.ts's writeJsonFileAtomic stops before the folder fsync: after a power cut its rename may be lost.
 *
 * One writer per file per process: the temp name is `<file>.tmp` (the append log serialises its compactions);
 * `removeTemp` clears one a killed writer left behind.
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

export const tempNameOf = (file: string): string => `${file}.tmp`

/** Replaces `file` with `text`: after it resolves, a crash or power cut leaves the new content. */
export async function writeFileDurable(file: string, text: string, mode = 0o600): Promise<void> {
  const dir = path.dirname(file)
  const temp = tempNameOf(file)
  const handle = await fs.open(temp, 'w', mode)
  try {
    await handle.writeFile(text, 'utf8')
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
  await fsyncDir(dir)
}

export const removeTemp = (file: string): Promise<void> => fs.rm(tempNameOf(file), { force: true })
