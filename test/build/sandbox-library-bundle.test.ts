// The Electron main bundle carries the simulated library's scripts, built from their browser sources (the packaged
// app has no esbuild) — and never esbuild itself.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Script } from 'node:vm'
import * as esbuild from 'esbuild'
import { describe, expect, it } from 'vitest'
import { buildLibraryAssets } from '../../src/sandbox/library/build-library-assets'

const root = join(__dirname, '../..')
const bundle = readFileSync(join(root, 'out/main/index.js'), 'utf8')
const fresh = buildLibraryAssets(esbuild, join(root, 'src/sandbox/library/browser'))

describe('the sandbox in the main bundle', () => {
  it('embeds the library and frame boot scripts exactly as built from src/sandbox/library/browser', () => {
    expect(bundle).toContain(JSON.stringify(fresh.library))
    expect(bundle).toContain(JSON.stringify(fresh.frameBoot))
  })

  it('does not load esbuild at run time', () => {
    expect(bundle).not.toMatch(/["']esbuild["']/)
  })

  it('serves a library that installs window.Payroc.hostedFields and Payroc.Gateway.init', () => {
    const config = JSON.stringify({ libVersion: '1.7.0.261457', origin: 'http://127.0.0.1:1' })
    const window: { Payroc?: { hostedFields?: unknown; Gateway?: { init?: unknown } } } = {}
    new Script(fresh.library.replace('__HF_CONFIG__', config)).runInNewContext({
      window,
      URL,
      crypto,
      console,
    })
    expect(typeof window.Payroc?.hostedFields).toBe('function')
    expect(typeof window.Payroc?.Gateway?.init).toBe('function')
  })
})
