// Launches the app electron-builder unpacked into dist/ once, with a temporary data folder, and waits until the
// main process has started its console (the log says "console started"); then quits it. A smoke test for the
// packaged build on machines with a desktop session (CI's macOS and Windows runners): fuses turn off the inspect
// arguments in packaged builds, so Playwright cannot drive it — the log is the evidence.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const product = 'Hosted Fields Session Console'
const dist = fileURLToPath(new URL('../dist/', import.meta.url))
const candidates = {
  darwin: (dir) => join(dist, dir, `${product}.app`, 'Contents', 'MacOS', product),
  win32: (dir) => join(dist, dir, `${product}.exe`),
  linux: (dir) => join(dist, dir, 'hosted-fields-console'),
}[process.platform]
const dirs = existsSync(dist) ? readdirSync(dist).filter((d) => /^(mac|win|linux)/.test(d)) : []
const binary = dirs.map((d) => candidates?.(d)).find((p) => p && existsSync(p))
if (!binary) {
  console.error(`launch-packaged: no unpacked app under ${dist} (looked in: ${dirs.join(', ') || 'nothing'})`)
  process.exit(3)
}
const dataDir = mkdtempSync(join(tmpdir(), 'hfc-packaged-'))
const log = join(dataDir, 'console.log')
console.log(`launch-packaged: ${binary} (data folder ${dataDir})`)
const child = spawn(binary, [], { env: { ...process.env, HFC_DATA_DIR: dataDir }, stdio: 'inherit' })
let exited = null
child.on('exit', (code, signal) => (exited = code ?? signal))
const deadline = Date.now() + 90_000
let started = false
while (!started && exited === null && Date.now() < deadline) {
  await new Promise((r) => setTimeout(r, 500))
  started = existsSync(log) && readFileSync(log, 'utf8').includes('console started')
}
child.kill()
await new Promise((r) => setTimeout(r, 2000))
if (existsSync(log)) console.log(readFileSync(log, 'utf8').split('\n').slice(0, 20).join('\n'))
rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 })
if (!started) {
  console.error(
    `launch-packaged: FAILED — ${exited !== null ? `the app exited (${exited})` : 'no "console started" within 90 s'}`,
  )
  process.exit(1)
}
console.log('launch-packaged: ok — the packaged app started its console')
