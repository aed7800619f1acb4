import { describe, expect, it } from 'vitest'
import { mapGatewayRequest } from '../../../../src/core/services/servers/gateway-mapping'

const options = { sandboxUrl: 'http://127.0.0.1:4010', builds: new Set(['1.7.0.261457']) }
const map = (url: string) => mapGatewayRequest(url, options)

describe('mapping Payroc’s UAT hosts to the sandbox', () => {
  it('keeps the gateway origin and fetches the same path and query from the sandbox', () => {
    expect(
      map('https://testpayments.worldnettps.com/merchant/api/v2/hosted-fields-sessions/abc/configuration'),
    ).toEqual({
      kind: 'sandbox',
      url: 'http://127.0.0.1:4010/merchant/api/v2/hosted-fields-sessions/abc/configuration',
    })
    expect(
      map('https://testpayments.worldnettps.com/merchant/hosted-fields?field=cvv&targetOrigin=x'),
    ).toEqual({
      kind: 'sandbox',
      url: 'http://127.0.0.1:4010/merchant/hosted-fields?field=cvv&targetOrigin=x',
    })
  })

  it('answers the script of a known build from the CDN and from the gateway’s own path with the copy', () => {
    expect(map('https://cdn.uat.payroc.com/js/hosted-fields/hosted-fields-1.7.0.261457.js')).toEqual({
      kind: 'script',
      libVersion: '1.7.0.261457',
    })
    expect(
      map('https://testpayments.worldnettps.com/js/hosted-fields/hosted-fields-1.7.0.261457.js'),
    ).toEqual({
      kind: 'script',
      libVersion: '1.7.0.261457',
    })
  })

  it('refuses unknown builds, other CDN paths and other hosts; lets loopback pass; hides brand images', () => {
    expect(map('https://cdn.uat.payroc.com/js/hosted-fields/hosted-fields-1.7.0.261471.js').kind).toBe(
      'refuse',
    )
    expect(map('https://cdn.uat.payroc.com/other.js').kind).toBe('refuse')
    expect(map('https://example.com/merchant/hosted-fields').kind).toBe('refuse')
    expect(map('http://testpayments.worldnettps.com/merchant/hosted-fields').kind).toBe('refuse')
    expect(map('not a url').kind).toBe('refuse')
    expect(map('http://127.0.0.1:5555/testpage.html').kind).toBe('pass')
    expect(map('https://cdn.uat.payroc.com/img/hosted-fields/cardtypes/visa.svg').kind).toBe('image')
  })
})
