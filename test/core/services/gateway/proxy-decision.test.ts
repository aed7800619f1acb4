import { describe, expect, it } from 'vitest'
import {
  axiosProxyOption,
  isLoopbackHost,
  matchNoProxy,
  proxyFor,
  type ProxyDecision,
} from '../../../../src/core/services/gateway/proxy-decision'

const PROXY = { HTTPS_PROXY: 'http://proxy.office:3128', HTTP_PROXY: 'http://proxy.office:3128' }
const via = (decision: ProxyDecision): string | null => (decision.proxy ? decision.proxy.href : null)

describe('loopback is never proxied', () => {
  it.each([
    'http://127.0.0.1:4010/authorize',
    'http://127.1.2.3:9/x',
    'http://0x7f.1:4010/', // the URL parser canonicalises it to 127.0.0.1
    'http://localhost:4010/',
    'http://LOCALHOST.:4010/',
    'http://sandbox.localhost:4010/',
    'http://[::1]:4010/',
    'http://[::ffff:127.0.0.1]:4010/',
    'http://0.0.0.0:4010/',
    'https://127.0.0.1:8443/v1',
  ])('%s goes direct with HTTP(S)_PROXY set and NO_PROXY empty', (url) => {
    for (const env of [
      { ...PROXY, NO_PROXY: '' },
      { ...PROXY },
      { https_proxy: 'proxy:1', http_proxy: 'proxy:1', no_proxy: '' },
      { ALL_PROXY: 'http://proxy:1' },
      { ...PROXY, NO_PROXY: 'example.com' },
    ]) {
      expect(proxyFor(url, env)).toEqual({ proxy: null, reason: 'loopback' })
    }
  })

  it('knows what is not loopback', () => {
    for (const host of [
      '128.0.0.1',
      '10.0.0.1',
      'localhost.example.com',
      'mylocalhost',
      '[::2]',
      'example.com',
    ])
      expect(isLoopbackHost(host), host).toBe(false)
  })
})

describe('the proxy variables', () => {
  it('uses HTTPS_PROXY for https and HTTP_PROXY for http, lowercase winning', () => {
    const env = { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2', HTTP_PROXY: 'http://plain:3' }
    expect(proxyFor('https://api.payroc.com/v1', env)).toMatchObject({ variable: 'https_proxy' })
    expect(via(proxyFor('https://api.payroc.com/v1', env))).toBe('http://lower:2/')
    expect(via(proxyFor('http://gw.example/v1', env))).toBe('http://plain:3/')
    expect(proxyFor('http://gw.example/v1', { HTTPS_PROXY: 'http://p:1' })).toEqual({
      proxy: null,
      reason: 'no-proxy-variable',
    })
  })

  it('falls back to ALL_PROXY and reads a bare host:port as an http proxy', () => {
    expect(via(proxyFor('https://gw.example', { ALL_PROXY: 'proxy.office:3128' }))).toBe(
      'http://proxy.office:3128/',
    )
  })

  it('reports an unusable proxy value instead of guessing', () => {
    expect(proxyFor('https://gw.example', { HTTPS_PROXY: 'http://[bad' })).toEqual({
      proxy: null,
      reason: 'invalid-proxy-url',
      detail: 'HTTPS_PROXY',
    })
    expect(proxyFor('https://gw.example', { HTTPS_PROXY: 'socks5://p:1' })).toMatchObject({
      reason: 'invalid-proxy-url',
    })
  })

  it('has nothing to say about non-http URLs', () => {
    expect(proxyFor('ftp://gw.example', PROXY)).toMatchObject({ reason: 'not-http' })
    expect(proxyFor('not a url', PROXY)).toMatchObject({ reason: 'not-http' })
  })
})

describe('NO_PROXY', () => {
  const decide = (url: string, noProxy: string) => proxyFor(url, { ...PROXY, NO_PROXY: noProxy })

  it('`*` alone turns the proxy off', () => {
    expect(decide('https://api.payroc.com', '*')).toMatchObject({ reason: 'no-proxy-match', detail: '*' })
  })

  it('a plain name matches the host and its subdomains, never a longer name', () => {
    expect(decide('https://payroc.com', 'payroc.com').proxy).toBeNull()
    expect(decide('https://api.payroc.com', 'payroc.com').proxy).toBeNull()
    expect(decide('https://API.PAYROC.COM./v1', 'payroc.com').proxy).toBeNull()
    expect(decide('https://notpayroc.com', 'payroc.com').proxy).not.toBeNull()
  })

  it('a leading dot or *. matches subdomains only', () => {
    for (const entry of ['.payroc.com', '*.payroc.com']) {
      expect(decide('https://api.payroc.com', entry).proxy, entry).toBeNull()
      expect(decide('https://payroc.com', entry).proxy, entry).not.toBeNull()
      expect(decide('https://xpayroc.com', entry).proxy, entry).not.toBeNull()
    }
  })

  it('host:port matches only that port, default ports included', () => {
    expect(decide('https://gw.example/v1', 'gw.example:443').proxy).toBeNull()
    expect(decide('https://gw.example:8443/v1', 'gw.example:443').proxy).not.toBeNull()
    expect(decide('http://gw.example/v1', 'gw.example:80').proxy).toBeNull()
    expect(decide('http://[fd00::5]:4010/', '[fd00::5]:4010').proxy).toBeNull()
  })

  it('takes IPv4 CIDR ranges, separators of commas and spaces, any case', () => {
    expect(decide('http://10.1.2.3/', 'example.com, 10.0.0.0/8').proxy).toBeNull()
    expect(decide('http://11.1.2.3/', 'example.com 10.0.0.0/8').proxy).not.toBeNull()
    expect(decide('https://gw.example', ' ,, GW.EXAMPLE ').proxy).toBeNull()
    expect(matchNoProxy('10.0.0.0/33,bad/x', '10.0.0.1', 80)).toBeUndefined()
  })

  it('reads no_proxy before NO_PROXY', () => {
    const env = { ...PROXY, no_proxy: 'gw.example', NO_PROXY: 'other.example' }
    expect(proxyFor('https://gw.example', env).proxy).toBeNull()
    expect(proxyFor('https://other.example', env).proxy).not.toBeNull()
  })
})

describe('the axios option', () => {
  it('is false when there is no proxy, so axios never consults the environment itself', () => {
    expect(axiosProxyOption(proxyFor('http://127.0.0.1:1/', PROXY))).toBe(false)
  })
  it('carries host, port, protocol and decoded credentials', () => {
    expect(
      axiosProxyOption(proxyFor('https://gw.example', { HTTPS_PROXY: 'http://us%40r:p%3Ass@p.office:3128' })),
    ).toEqual({
      protocol: 'http',
      host: 'p.office',
      port: 3128,
      auth: { username: 'us@r', password: 'p:ss' },
    })
    expect(axiosProxyOption(proxyFor('https://gw.example', { HTTPS_PROXY: 'https://p.office' }))).toEqual({
      protocol: 'https',
      host: 'p.office',
      port: 443,
    })
  })
})
