// `npm start`: build and run the Electron app; where no Electron binary can be had, say so and point to the
// browser preview, which runs the same renderer and services.
import { spawnSync } from 'node:child_process'
import { downloadElectronBinary, findElectronBinary } from './electron-binary.mjs'

let found = findElectronBinary()
if ('missing' in found && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.error('Electron binary not found; trying to download it once…')
  const failure = await downloadElectronBinary()
  if (failure) console.error(`Download failed: ${failure}`)
  found = findElectronBinary()
}
if ('missing' in found) {
  console.error(
    [
      '',
      `Cannot start the desktop app: ${found.missing}.`,
      'This machine cannot run Electron. Run the same app in your browser instead:',
      '',
      '    npm run web',
      '',
      'and open the "Console ready at http://127.0.0.1:…" address it prints.',
      '',
    ].join('\n'),
  )
  process.exit(1)
}
const result = spawnSync('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(result.status ?? 1)
