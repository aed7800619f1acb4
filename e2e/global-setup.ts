/**
 * Starts the browser preview once for the run: real services, embedded sandbox on a free port, a temporary data
 * folder. The URL (with its per-launch secret) reaches the workers through the environment.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startWebConsole } from '../src/web/preview-server'

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hfc-e2e-'))
  const web = await startWebConsole({ port: 0, dataDir })
  process.env['E2E_CONSOLE_URL'] = web.url
  process.env['E2E_DATA_DIR'] = dataDir
  return async () => {
    await web.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}
