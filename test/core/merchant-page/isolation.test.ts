import { describe, expect, it } from 'vitest'
import {
  isLoopbackHost,
  isolationPolicy,
  refusal,
  sandboxEnvironment,
  UAT_ENVIRONMENT,
} from '../../../src/core/services/merchant-page'

describe('what the page under check may reach', () => {
  const sandbox = sandboxEnvironment('http://127.0.0.1:4010')
  const policy = isolationPolicy('http://127.0.0.1:5000/good.html', sandbox, ['http://127.0.0.1:5180'])

  it.each(['127.0.0.1', 'localhost', 'app.localhost', '[::1]', '127.9.9.9', '0.0.0.0', '[::ffff:127.0.0.1]'])(
    '%s is loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true)
    },
  )
  it.each(['cdn.uat.payroc.com', '10.0.0.1', '128.0.0.1'])('%s is not loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(false)
  })
  it("lets through the page's own origin and the sandbox's", () => {
    expect(refusal(policy, 'http://127.0.0.1:5000/checkout.js')).toBeUndefined()
    expect(
      refusal(policy, 'http://127.0.0.1:4010/js/hosted-fields/hosted-fields-1.7.0.261457.js'),
    ).toBeUndefined()
  })
  it("refuses the console's bridge, other loopback ports and localhost aliases", () => {
    expect(refusal(policy, 'http://127.0.0.1:5180/rpc/vault:status')).toContain("console's own origin")
    expect(refusal(policy, 'http://127.0.0.1:6000/')).toContain('loopback origin')
    expect(refusal(policy, 'http://localhost:4010/')).toContain('loopback origin')
    expect(refusal(policy, 'ws://127.0.0.1:6000/socket')).toContain('loopback origin')
  })
  it('refuses local files and lets public hosts and data: URLs through', () => {
    expect(refusal(policy, 'file:///etc/passwd')).toBe('a local file')
    expect(refusal(policy, 'https://cdn.uat.payroc.com/x.js')).toBeUndefined()
    expect(refusal(policy, 'data:text/plain,hi')).toBeUndefined()
  })
  it("refuses the console's origin even when it is the page itself", () => {
    const own = isolationPolicy('http://127.0.0.1:5180/', UAT_ENVIRONMENT, ['http://127.0.0.1:5180'])
    expect(refusal(own, 'http://127.0.0.1:5180/')).toContain("console's own origin")
  })
  it('a public page gets no loopback at all', () => {
    const remote = isolationPolicy('https://shop.example/checkout', UAT_ENVIRONMENT)
    expect(remote.allowedLoopback.size).toBe(0)
    expect(refusal(remote, 'http://127.0.0.1:4010/')).toContain('loopback origin')
  })
})
