import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  checkTokenization,
  type ProbeResult,
  type SessionStep,
} from '../../../../src/core/services/diagnostics/batch-scenarios'
import { terminalCapabilitiesRoute, CAPABILITIES_PATH } from '../../../../src/sandbox/capabilities'
import { base, bearer, LIB, sandbox, useSandbox } from '../../../support/sandbox'

// The real sandbox over loopback: a tokenization session is created for 1234002 too; the capabilities route
// (registered as the console registers it) is what tells the batch the card form would fail.
useSandbox({ port: 0, routes: [terminalCapabilitiesRoute] })

const deps = {
  async createSession(id: string): Promise<SessionStep> {
    const res = await fetch(`${base}/v1/processing-terminals/${id}/hosted-fields-sessions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${bearer}`,
        'idempotency-key': randomUUID(),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ libVersion: LIB, scenario: 'tokenization' }),
    })
    const body = (await res.json()) as { token?: string }
    return res.status === 201 && body.token
      ? { ok: true, token: body.token, status: res.status }
      : {
          ok: false,
          outcome: { verdict: res.status === 403 ? 'forbidden' : 'error', hint: 'h', status: res.status },
        }
  },
  async probe(_token: string, id: string): Promise<ProbeResult> {
    const res = await fetch(`${base}${CAPABILITIES_PATH}${id}`)
    return res.ok
      ? { ok: true, source: 'capabilities', body: await res.json() }
      : { ok: false, message: `${res.status}` }
  },
}

describe('tokenization batch check against the sandbox', () => {
  it('1234001 is ok; 1234002 creates a session yet is reported no-secure-tokens; 9999 is forbidden', async () => {
    const signal = new AbortController().signal
    expect(sandbox.url).toBe(base)
    expect((await checkTokenization(deps, '1234001', signal)).verdict).toBe('ok')
    const broken = await checkTokenization(deps, '1234002', signal)
    expect(broken).toMatchObject({ verdict: 'no-secure-tokens', status: 201 })
    expect((await checkTokenization(deps, '9999', signal)).verdict).toBe('forbidden')
  })
})
