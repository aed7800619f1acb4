import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FUSES } from '../../src/main/security'

const require = createRequire(import.meta.url)
const root = join(__dirname, '../..')
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as Record<
  string,
  unknown
> & {
  electronFuses: Record<string, boolean>
  linux: { target: string[] }
  mac: { target: string[] }
  win: { target: string[] }
  asarUnpack: string[]
}

interface ConfigModule {
  validateConfiguration(
    config: unknown,
    logger: { isEnabled: boolean; add(key: string, value: unknown): void },
  ): Promise<void>
}
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as ConfigModule
const quietLogger = { isEnabled: false, add: () => {} }

// Compiling electron-builder's schema takes seconds on a busy 2-core machine: a generous limit, not a timing check.
const SCHEMA_TIMEOUT_MS = 60_000

describe('electron-builder packaging config', () => {
  it("is valid against electron-builder's own schema", { timeout: SCHEMA_TIMEOUT_MS }, async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined()
  })
  it(
    'is rejected by that schema when an option is misspelt (the check has teeth)',
    { timeout: SCHEMA_TIMEOUT_MS },
    async () => {
      await expect(validateConfiguration({ ...config, linuxx: {} }, quietLogger)).rejects.toThrow(/linuxx/)
    },
  )
  it('builds AppImage and deb for Linux, dmg for macOS and nsis for Windows', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']))
    expect(config.mac.target).toContain('dmg')
    expect(config.win.target).toContain('nsis')
  })
  it('unpacks keytar from the asar so its native module can load', () => {
    expect(config.asarUnpack.some((glob) => glob.includes('keytar'))).toBe(true)
  })
  it('flips the same fuses the security module documents', () => {
    expect(config.electronFuses).toEqual(FUSES)
  })
})
