/**
 * What a folder holds as text: every file below it (recursively), read as UTF-8 and joined — for the
 * "no secret anywhere on disk" checks.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

export async function filesText(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const texts = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8')),
  )
  return texts.join('\n')
}
