// Where the Electron binary is, or why there is none. Shared by `npm start` and the Electron e2e launcher.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** @returns {{ path: string } | { missing: string }} */
export function findElectronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(
      process.env.ELECTRON_OVERRIDE_DIST_PATH,
      process.platform === 'win32' ? 'electron.exe' : 'electron',
    )
    return existsSync(p)
      ? { path: p }
      : { missing: `ELECTRON_OVERRIDE_DIST_PATH points at ${p}, which does not exist` }
  }
  let pkgDir
  try {
    pkgDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return { missing: 'the electron package is not installed (run npm ci)' }
  }
  const pathFile = join(pkgDir, 'path.txt')
  if (!existsSync(pathFile))
    return { missing: 'the Electron binary was never downloaded (node_modules/electron/dist is missing)' }
  const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? { path: binary } : { missing: `the Electron binary is missing at ${binary}` }
}

/** Electron's own installer, run on demand (our package.json denies it at install time so `npm ci` works offline). */
export async function downloadElectronBinary() {
  const { spawnSync } = await import('node:child_process')
  const pkgDir = dirname(require.resolve('electron/package.json'))
  const run = spawnSync(process.execPath, [join(pkgDir, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  })
  return run.status === 0 ? null : (run.stderr.split('\n').find((l) => l.trim()) ?? `exit ${run.status}`)
}
