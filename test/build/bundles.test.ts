// Checks on what `npm run build` produced (runs after the build step of npm test).
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

const out = join(__dirname, '../../out')
const read = (path: string): string => readFileSync(join(out, path), 'utf8')

describe('preload bundle', () => {
  const preload = read('preload/index.js')
  it('is CommonJS, as a sandboxed preload must be', () => {
    expect(preload).toMatch(/require\(["']electron["']\)/)
    expect(preload).not.toMatch(/^\s*import\s/m)
    expect(preload).not.toMatch(/^\s*export\s/m)
  })
  it('requires nothing but electron', () => {
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])
    expect(new Set(required)).toEqual(new Set(['electron']))
  })
  it('never hands ipcRenderer itself to the page', () => {
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/)
  })
})

describe('renderer bundle', () => {
  const assets = join(out, 'renderer/assets')
  const scripts = existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.js')) : []
  it('has been built', () => {
    expect(scripts.length).toBeGreaterThan(0)
  })
  it('carries no Node or gateway code (axios, keytar, node: modules belong in main)', () => {
    for (const file of scripts) {
      const code = readFileSync(join(assets, file), 'utf8')
      expect(code, file).not.toMatch(/\baxios\b/)
      expect(code, file).not.toMatch(/keytar/)
      expect(code, file).not.toMatch(/require\(["']node:/)
    }
  })
  it('keeps the initial JavaScript of the console page under 100 KB gzipped', () => {
    const html = read('renderer/index.html')
    const entries = [
      ...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g),
    ].flatMap((m) => (m[1] ? [m[1]] : []))
    expect(entries.length).toBeGreaterThan(0)
    const gzipped = entries.reduce(
      (sum, file) => sum + gzipSync(readFileSync(join(out, 'renderer', file))).length,
      0,
    )
    expect(gzipped).toBeLessThanOrEqual(100 * 1024)
  })
})
