// `npm run test:electron`: the Playwright specs through the `_electron` launcher against the built app, on a
// machine that has the Electron binary. Unlike `npm test` (which reports this launcher as skipped where there is
// no binary), a missing binary is an error here: you asked for the real thing.
import { spawnSync } from 'node:child_process'
import { findElectronBinary } from './electron-binary.mjs'

const found = findElectronBinary()
if ('missing' in found) {
  console.error(`test:electron: cannot run — ${found.missing}.`)
  console.error(
    'Fetch the binary once with `node node_modules/electron/install.js` (needs internet), then retry.',
  )
  process.exit(3)
}
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' })
const build = run('npx', ['electron-vite', 'build'])
if (build.status !== 0) process.exit(build.status ?? 1)

let command = [
  'npx',
  'playwright',
  'test',
  '--config',
  'playwright.electron.config.ts',
  ...process.argv.slice(2),
]
if (process.platform === 'linux') {
  // The specs save keys in the keychain: a private D-Bus session with an unlocked gnome-keyring, as npm test does.
  command = ['bash', 'scripts/with-keyring.sh', ...command]
  // No display (CI, ssh): a virtual one.
  const hasXvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && hasXvfb)
    command = ['xvfb-run', '-a', '-s', '-screen 0 1280x800x24', ...command]
}
const [cmd, ...args] = command
const result = run(cmd, args)
process.exit(result.status ?? 1)
