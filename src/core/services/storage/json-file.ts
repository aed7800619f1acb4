/**
 * A versioned JSON file in the data folder, written durably (durable-file.ts: temp file + fsync + rename +
 * folder fsync, so a crash leaves the old or the new file, never half of one) and tolerant of corruption
 * (file-problems.ts: bad content is kept in a timestamped `.corrupt-<time>` copy that is never overwritten, and
 * the app starts fresh and says so). A folder or an unreadable file where the file should be is an error naming
 * it (DataFileError), never an unnamed crash and never a silent fresh start.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { z } from 'zod'
import type { Logger } from '../../app-types'
import { removeStaleTemps, writeFileDurable } from './durable-file'
import { DataFileError, loadCheckedJson, type FileProblem } from './file-problems'

export interface LoadResult<T> {
  data: T
  /** Set when the file existed but could not be used; the path of the kept copy. */
  corruptCopy?: string
  /** Set with corruptCopy: what was wrong, one line naming the file and the copy. */
  problem?: FileProblem
}

export async function loadJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  fresh: () => z.output<S>,
  logger: Logger,
): Promise<LoadResult<z.output<S>>> {
  await removeStaleTemps(file)
  const loaded = await loadCheckedJson(file, schema)
  if (loaded.status === 'missing') return { data: fresh() }
  if (loaded.status === 'ok') return { data: loaded.data }
  const { problem } = loaded
  if (!problem.keptAs) {
    logger.log('error', problem.message, { file: problem.file, detail: problem.detail })
    throw new DataFileError(problem)
  }
  logger.log('warn', `${path.basename(file)} was unreadable; kept a copy and started fresh`, {
    corruptCopy: problem.keptAs,
    reason: problem.detail,
  })
  return { data: fresh(), corruptCopy: problem.keptAs, problem }
}

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

/** Replaces `file` with `data` as pretty JSON, durably (writeFileDurable), creating the folder if needed. */
export async function writeJsonFileAtomic(file: string, data: unknown): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
  await writeFileDurable(file, `${JSON.stringify(data, null, 2)}\n`)
}
