/**
 * Row 5a: the console page's initial JavaScript, gzipped — the scripts and modulepreloads that
 * out/renderer/index.html names (the same parse as test/build/bundles.test.ts). Builds first if out/ is missing.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface BundleResult {
  files: { file: string; bytes: number; gzipBytes: number }[]
  gzipBytes: number
  built: boolean
}

const ROOT = join(__dirname, '../..')

export function measureBundle(options: { build: boolean }): BundleResult {
  const html = join(ROOT, 'out/renderer/index.html')
  const built = options.build || !existsSync(html)
  if (built)
    execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
  const text = readFileSync(html, 'utf8')
  const entries = [
    ...text.matchAll(/<(?:script|link)[^>]+(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g),
  ].flatMap((m) => (m[1] ? [m[1]] : []))
  if (entries.length === 0) throw new Error('no initial scripts found in out/renderer/index.html')
  const files = entries.map((file) => {
    const content = readFileSync(join(ROOT, 'out/renderer', file))
    return { file, bytes: content.length, gzipBytes: gzipSync(content).length }
  })
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0), built }
}
