import { execFile } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { keychainProblem } from '../../../../src/core/services/credentials/keychain-hints'

// keytar's REAL messages, from a child process whose D-Bus is broken in each way a user meets; each must map to
// a known problem (never the generic fallback) whose hint starts a keyring inside the bus.
function keytarMessage(env: Record<string, string | undefined>): Promise<string> {
  const { DISPLAY: _display, ...inherited } = process.env
  const childEnv: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries({ ...inherited, ...env }).filter(([, value]) => value !== undefined),
  )
  const script =
    "require('keytar').findCredentials('hfc-hints-test').then(() => console.log('OK'), (e) => console.log(e.message))"
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['-e', script], { env: childEnv }, (error, stdout) =>
      error ? reject(error) : resolve(stdout.trim()),
    ),
  )
}

describe('keychain hints for keytar’s real messages', () => {
  it.each([
    ['no bus and no DISPLAY', { DBUS_SESSION_BUS_ADDRESS: undefined, XDG_RUNTIME_DIR: '/nonexistent-hfc' }],
    ['a bus address that points nowhere', { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent-hfc/bus' }],
    ['an empty bus address', { DBUS_SESSION_BUS_ADDRESS: '' }],
  ])('%s', async (_name, env) => {
    const raw = await keytarMessage(env)
    expect(raw).not.toBe('OK')
    const problem = keychainProblem(raw)
    expect(problem.message).toBe('No D-Bus session bus is reachable, so the OS keychain cannot be used.')
    expect(problem.hint).toContain('gnome-keyring-daemon --unlock --components=secrets')
    expect(problem.hint).toContain('Keep keys for this session only')
  })
})
