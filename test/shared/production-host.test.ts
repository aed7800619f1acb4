import { describe, expect, it } from 'vitest'
import {
  isProductionHost,
  normaliseHost,
  payrocHostKind,
  pointsAtProduction,
} from '../../src/shared/production-host'

describe('production detection on the normalised host', () => {
  it.each([
    'https://api.payroc.com/v1',
    'https://api.payroc.com./v1',
    'https://api.payroc.com.:443/v1',
    'https://api.payroc.com%2e/v1',
    'https://api.payroc.com%2E%2e/v1',
    'https://api.payroc.com../v1',
    'https://API.PayRoc.COM/v1',
    'https://api.payroc.com:8443/v1',
    'https://%61pi.payroc.com/v1',
    'https://api%2epayroc%2ecom/v1',
    'https://ａｐｉ.ｐａｙｒｏｃ.ｃｏｍ/v1',
    'https://api.payroc。com/v1',
    'https://api.payroc.com\u00ad/v1',
    'https://identity.payroc.com',
    'https://identity.payroc.com.',
    'https://payroc.com',
    'https://new-service.payroc.com',
    'https://uat.api.payroc.com',
    'https://api.uat.payroc.com.payroc.com',
    'api.payroc.com.:443',
  ])('%s is Production', (url) => {
    expect(payrocHostKind(url)).toBe('production')
    expect(isProductionHost(url)).toBe(true)
  })

  it.each([
    'https://api.uat.payroc.com/v1',
    'https://identity.uat.payroc.com',
    'https://cdn.uat.payroc.com',
    'https://API.UAT.payroc.com./v1',
    'https://api.uat.payroc.com%2e:443',
    'https://uat.payroc.com',
    'https://new-service.uat.payroc.com',
  ])('%s is UAT', (url) => {
    expect(payrocHostKind(url)).toBe('uat')
    expect(isProductionHost(url)).toBe(false)
  })

  it.each([
    'https://api.pаyroc.com/v1', // Cyrillic а: punycode, another domain
    'https://api.payr0c.com/v1',
    'https://api-payroc.com/v1',
    'https://payroc.com.evil.example/v1',
    'https://api.payroc.com.evil.example/v1',
    'https://notpayroc.com',
    'https://payroc.co',
    'http://127.0.0.1:4010/v1',
    'http://localhost:4010',
    'https://[::1]:4010',
    'not a url at all',
    '',
  ])('%s is not Payroc (stays custom)', (url) => {
    expect(payrocHostKind(url)).toBe('not-payroc')
    expect(isProductionHost(url)).toBe(false)
  })

  it('normalises case, trailing dots, percent-encoding, port and IDNA', () => {
    expect(normaliseHost('https://API.payroc.com.:443/v1')).toBe('api.payroc.com')
    expect(normaliseHost('https://api.pаyroc.com')).toBe('api.xn--pyroc-4ve.com')
    expect(normaliseHost('identity.payroc.com..')).toBe('identity.payroc.com')
    expect(normaliseHost('https://[::1]:4010')).toBe('[::1]')
    expect(normaliseHost('https://.')).toBeNull()
    expect(normaliseHost('   ')).toBeNull()
  })

  it('asks for confirmation when the API or the identity base is Production, not for the CDN alone', () => {
    const uat = {
      apiBase: 'https://api.uat.payroc.com/v1',
      identityBase: 'https://identity.uat.payroc.com',
    }
    expect(pointsAtProduction(uat)).toBe(false)
    expect(pointsAtProduction({ ...uat, apiBase: 'https://api.payroc.com./v1' })).toBe(true)
    expect(pointsAtProduction({ ...uat, identityBase: 'https://IDENTITY.payroc.com%2e' })).toBe(true)
    expect(pointsAtProduction({ ...uat, cdnBase: 'https://cdn.payroc.com' } as typeof uat)).toBe(false)
  })
})
