/**
 * A versioned JSON file in the data folder, written atomically (temp file + fsync + rename, so a crash leaves
 * the old or the new file, never half of one) and tolerant of corruption (the bad file is kept as `.corrupt`
 * for support, and the app starts fresh and says so in the log).
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { z } from 'zod'
import type { Logger } from '../app-types'

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

let counter = 0

export async function writeJsonFileAtomic(file: string, data: unknown): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true })
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
