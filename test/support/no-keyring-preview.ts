/**
 * The browser preview in a child process with NO Secret Service: its D-Bus address points nowhere, so keytar's
 * first call fails as on a headless machine (the real keychain absent, not a fake store). For the session-only
 * keys tests (integration and e2e). The child is the real CLI (`src/web/preview-cli.ts`); it serves the
 * renderer built in out/ of this checkout.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface NoKeyringPreview {
  /** `http://127.0.0.1:<port>/#token=<secret>` */
  url: string
  origin: string
  token: string
  dataDir: string
  close(): Promise<void>
}

const ROOT = resolve(__dirname, '../..')
const READY = /Console ready at (http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/

export async function startNoKeyringPreview(timeoutMs = 60_000): Promise<NoKeyringPreview> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hfc-no-keyring-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent-hfc-no-keyring/bus',
    XDG_RUNTIME_DIR: '/nonexistent-hfc-no-keyring',
    HFC_KEYRING_SESSION: '',
  }
  delete env['DISPLAY']
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      join(ROOT, 'src/web/preview-cli.ts'),
      '--port',
      '0',
      '--data-dir',
      dataDir,
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  const close = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done))
      child.kill('SIGTERM')
      await exited
    }
    await rm(dataDir, { recursive: true, force: true })
  }
  try {
    const [origin, token] = await new Promise<[string, string]>((done, fail) => {
      let stdout = ''
      const timer = setTimeout(() => fail(new Error(`preview did not start:\n${stderr}`)), timeoutMs)
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        const match = READY.exec(stdout)
        if (match?.[1] && match[2]) {
          clearTimeout(timer)
          done([match[1], match[2]])
        }
      })
      child.once('exit', (code) => {
        clearTimeout(timer)
        fail(new Error(`preview exited (${code}):\n${stderr}`))
      })
    })
    return { url: `${origin}/#token=${token}`, origin, token, dataDir, close }
  } catch (error) {
    await close()
    throw error
  }
}
