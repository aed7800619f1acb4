/**
 * Which data folder the desktop app uses. Development builds and the e2e launcher point it elsewhere with
 * `HFC_DATA_DIR`; a packaged build ignores that variable (anything that can set the environment of a user's
 * app — a launcher, a shortcut, another program — must not be able to move the history and settings somewhere
 * it reads), and moves it only with the explicit `--hfc-data-dir=<absolute path>` switch on the command line.
 */
import { isAbsolute } from 'node:path'

export const DATA_DIR_SWITCH = '--hfc-data-dir='

export function dataDirOverride(input: {
  isPackaged: boolean
  env: Readonly<Record<string, string | undefined>>
  argv: readonly string[]
}): string | undefined {
  const switched = input.argv.find((arg) => arg.startsWith(DATA_DIR_SWITCH))?.slice(DATA_DIR_SWITCH.length)
  if (switched && isAbsolute(switched)) return switched
  if (input.isPackaged) return undefined
  const fromEnv = input.env['HFC_DATA_DIR']
  return fromEnv ? fromEnv : undefined
}
