/**
 * "Use a current version of Electron" (checklist item 16): the pinned version is exact, is the one installed, is
 * the one electronegativity checks against, and is the newest line that runs on this project's Node (TOOLCHAIN.md:
 * 41.7.1; 42+ needs Node ≥ 22.12).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '../..')
const read = (file: string) => readFileSync(join(root, file), 'utf8')
const pinned = (JSON.parse(read('package.json')) as { devDependencies: Record<string, string> })
  .devDependencies['electron']

describe('Electron version', () => {
  it('is pinned exactly (no range) to the current supported line', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/)
    const [major = 0] = (pinned ?? '').split('.').map(Number)
    expect(major).toBeGreaterThanOrEqual(41)
  })

  it('is the version installed and the one electronegativity audits against', () => {
    const installed = (JSON.parse(read('node_modules/electron/package.json')) as { version: string }).version
    expect(installed).toBe(pinned)
    expect(read('scripts/electronegativity.mjs')).toContain(`'${pinned}'`)
  })
})
