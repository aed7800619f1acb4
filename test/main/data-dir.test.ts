import { describe, expect, it } from 'vitest'
import { dataDirOverride } from '../../src/main/data-dir'

describe('the desktop data folder override', () => {
  it('honours HFC_DATA_DIR in development builds (and the e2e launcher)', () => {
    expect(dataDirOverride({ isPackaged: false, env: { HFC_DATA_DIR: '/tmp/x' }, argv: [] })).toBe('/tmp/x')
  })
  it('ignores HFC_DATA_DIR in a packaged build', () => {
    expect(dataDirOverride({ isPackaged: true, env: { HFC_DATA_DIR: '/tmp/x' }, argv: [] })).toBeUndefined()
  })
  it('moves a packaged build only with the explicit --hfc-data-dir=<absolute path> switch', () => {
    const argv = ['/opt/app/hfc', '--hfc-data-dir=/home/me/hfc']
    expect(dataDirOverride({ isPackaged: true, env: {}, argv })).toBe('/home/me/hfc')
    expect(dataDirOverride({ isPackaged: true, env: {}, argv: ['--hfc-data-dir=relative'] })).toBeUndefined()
  })
})
