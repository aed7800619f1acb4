/** Secure-token management over loopback HTTP: list (filters, cursor pagination), JSON Patch, delete. */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { call, errorParameters, expectProblem, useSandbox } from '../../support/sandbox'
import {
  api,
  apiToken,
  get,
  keyedCard,
  ok,
  patch,
  post,
  remove,
  saveSecureToken,
  VISA_DEBIT,
} from './flow-calls'

useSandbox()

const TOKENS = '/processing-terminals/1234001/secure-tokens'
const ids = (page: { data: { secureTokenId: string }[] }) => page.data.map((token) => token.secureTokenId)

async function saveMany(count: number): Promise<string[]> {
  const saved: string[] = []
  for (let index = 0; index < count; index++) {
    saved.push((await saveSecureToken('1234001', { secureTokenId: `MREF_list_${index}` })).secureTokenId)
  }
  return saved
}

describe('GET …/secure-tokens', () => {
  it('pages with limit, after and before; links carry the filters; hasMore says whether more follow', async () => {
    const saved = await saveMany(5)
    const first = ok(await get(`${TOKENS}?limit=2`), 200)
    expect(first).toMatchObject({ limit: 2, count: 2, hasMore: true })
    expect(ids(first)).toEqual(saved.slice(0, 2))
    expect(first.links).toEqual([
      { rel: 'next', method: 'get', href: expect.stringContaining(`limit=2&after=${saved[1]}`) },
    ])
    const second = ok(await get(first.links[0].href), 200)
    expect(ids(second)).toEqual(saved.slice(2, 4))
    expect(second.links.map((link: { rel: string }) => link.rel)).toEqual(['next', 'previous'])
    const last = ok(await get(second.links[0].href), 200)
    expect(ids(last)).toEqual([saved[4]])
    expect(last.hasMore).toBe(false)
    const back = ok(await get(last.links.find((link: { rel: string }) => link.rel === 'previous').href), 200)
    expect(ids(back)).toEqual(saved.slice(2, 4))
    expect(back.hasMore).toBe(true)
    expect(ok(await get(TOKENS), 200).limit).toBe(10)
  })

  it('filters by secureTokenId, token, first6, last4, customer name, email and phone', async () => {
    const [a, b] = await saveMany(2)
    const debit = ok(
      await post(TOKENS, {
        source: {
          type: 'singleUseToken',
          token: await apiToken('1234001', keyedCard(VISA_DEBIT, 'Max Mustermann')),
        },
      }),
      201,
    )
    ok(
      await patch(`${TOKENS}/${a}`, [
        {
          op: 'add',
          path: '/customer',
          value: {
            firstName: 'Ada',
            lastName: 'Lovelace',
            contactMethods: [
              { type: 'email', value: 'Ada@Example.com' },
              { type: 'mobile', value: '+1 555 0100' },
            ],
          },
        },
      ]),
      200,
    )
    const filter = async (query: string) => ids(ok(await get(`${TOKENS}?${query}`), 200))
    expect(await filter(`secureTokenId=${b}`)).toEqual([b])
    expect(await filter(`token=${debit.token}`)).toEqual([debit.secureTokenId])
    expect(await filter('first6=400006')).toEqual([debit.secureTokenId])
    expect(await filter('last4=7062')).toEqual([a, b])
    expect(await filter('customerName=lovelace')).toEqual([a])
    expect(await filter('customerName=mustermann')).toEqual([debit.secureTokenId])
    expect(await filter('email=ada@example.com')).toEqual([a])
    expect(await filter('phone=15550100')).toEqual([a])
    expect(await filter('phone=999')).toEqual([])
    // Another terminal's tokens are not listed.
    await saveSecureToken('1234003')
    expect(await filter('last4=7062&limit=100')).toEqual([a, b])
  })

  it('refuses a bad limit, a bad first6, before with after, an unknown cursor (400 naming each)', async () => {
    expect(errorParameters(await get(`${TOKENS}?limit=0`))).toEqual(['limit'])
    expect(errorParameters(await get(`${TOKENS}?limit=101`))).toEqual(['limit'])
    expect(errorParameters(await get(`${TOKENS}?first6=12345x`))).toEqual(['first6'])
    expect(errorParameters(await get(`${TOKENS}?before=a&after=b`))).toEqual(['before'])
    expect(errorParameters(await get(`${TOKENS}?after=MREF_nobody`))).toEqual(['after'])
    expectProblem(await get('/processing-terminals/1234002/secure-tokens'), 403)
  })
})

describe('PATCH …/secure-tokens/{id} (JSON Patch)', () => {
  it('adds, replaces, copies, moves and removes customer details; test guards; the token itself is untouched', async () => {
    const saved = await saveSecureToken()
    const path = `${TOKENS}/${saved.secureTokenId}`
    const added = ok(
      await patch(path, [
        { op: 'add', path: '/customer', value: { firstName: 'Sarah', lastName: 'Hopper' } },
        { op: 'add', path: '/customFields', value: [{ name: 'tier', value: 'gold' }] },
        { op: 'add', path: '/customFields/-', value: { name: 'region', value: 'north' } },
        { op: 'add', path: '/mitAgreement', value: 'unscheduled' },
      ]),
      200,
    )
    expect(added).toMatchObject({
      customer: { firstName: 'Sarah', lastName: 'Hopper' },
      customFields: [
        { name: 'tier', value: 'gold' },
        { name: 'region', value: 'north' },
      ],
      mitAgreement: 'unscheduled',
      token: saved.token,
      source: saved.source,
    })
    const changed = ok(
      await patch(path, [
        { op: 'test', path: '/mitAgreement', value: 'unscheduled' },
        { op: 'replace', path: '/customer/lastName', value: 'Reed' },
        { op: 'copy', from: '/customer/firstName', path: '/customer/referenceNumber' },
        { op: 'move', from: '/customFields/0', path: '/customFields/1' },
        { op: 'remove', path: '/mitAgreement' },
      ]),
      200,
    )
    expect(changed.customer).toEqual({ firstName: 'Sarah', lastName: 'Reed', referenceNumber: 'Sarah' })
    expect(changed.customFields.map((field: { name: string }) => field.name)).toEqual(['region', 'tier'])
    expect(changed.mitAgreement).toBeUndefined()
    expect(ok(await get(path), 200)).toEqual(changed)
  })

  it('applies all or nothing: a failing test, a missing path or an invalid result changes nothing (400)', async () => {
    const saved = await saveSecureToken()
    const path = `${TOKENS}/${saved.secureTokenId}`
    ok(await patch(path, [{ op: 'add', path: '/customer', value: { lastName: 'Hopper' } }]), 200)
    const failedTest = await patch(path, [
      { op: 'replace', path: '/customer/lastName', value: 'Reed' },
      { op: 'test', path: '/customer/lastName', value: 'Hopper' },
    ])
    expect(errorParameters(failedTest)).toEqual(['1.value'])
    expect(errorParameters(await patch(path, [{ op: 'remove', path: '/customer/firstName' }]))).toEqual([
      '0.path',
    ])
    expect(
      errorParameters(await patch(path, [{ op: 'add', path: '/mitAgreement', value: 'weekly' }])),
    ).toEqual(['mitAgreement'])
    expect(errorParameters(await patch(path, [{ op: 'replace', path: '/token', value: '1' }]))).toEqual([
      '0.path',
    ])
    expect(
      errorParameters(await patch(path, [{ op: 'copy', from: '/token', path: '/customer/referenceNumber' }])),
    ).toEqual(['0.from'])
    expect(errorParameters(await patch(path, { lastName: 'x' }))).toEqual(['body'])
    expect(ok(await get(path), 200).customer).toEqual({ lastName: 'Hopper' })
  })

  it('is idempotent (same key and patch → the stored answer, not applied twice); 404 for an unknown id', async () => {
    const saved = await saveSecureToken()
    const path = `${TOKENS}/${saved.secureTokenId}`
    const key = randomUUID()
    const append = [{ op: 'add', path: '/customFields', value: [{ name: 'a', value: '1' }] }]
    ok(await patch(path, append, key), 200)
    expect(ok(await patch(path, append, key), 200).customFields).toHaveLength(1)
    expectProblem(await patch(path, [{ op: 'remove', path: '/customFields' }], key), 409)
    expectProblem(await patch(`${TOKENS}/MREF_nobody`, append), 404)
    expectProblem(await patch(path, append, null), 400, 'idempotency-key-missing')
  })
})

describe('DELETE …/secure-tokens/{id}', () => {
  it('204 without a body; then gone (GET 404, not listed, delete again 404) and its id cannot be saved again', async () => {
    const saved = await saveSecureToken('1234001', { secureTokenId: 'MREF_to_delete' })
    const answer = await remove(`${TOKENS}/MREF_to_delete`)
    expect(answer.status).toBe(204)
    expect(answer.text).toBe('')
    expect(answer.headers.get('content-type')).toBeNull()
    expectProblem(await get(`${TOKENS}/MREF_to_delete`), 404)
    expect(ids(ok(await get(TOKENS), 200))).toEqual([])
    expectProblem(await remove(`${TOKENS}/MREF_to_delete`), 404)
    const again = await post(TOKENS, {
      source: { type: 'singleUseToken', token: await apiToken() },
      secureTokenId: 'MREF_to_delete',
    })
    expectProblem(again, 409, 'resource-already-exists')
    // A sale can no longer use the deleted token.
    const sale = await post('/payments', {
      channel: 'web',
      processingTerminalId: '1234001',
      order: { orderId: 'after-delete', amount: 100, currency: 'USD' },
      paymentMethod: { type: 'secureToken', token: saved.token },
    })
    expect(errorParameters(sale)).toEqual(['token'])
  })

  it('401 without a Bearer, 403 on a terminal without secure tokens', async () => {
    expectProblem(await call(api(`${TOKENS}/MREF_x`), { method: 'DELETE' }), 401)
    expectProblem(await remove('/processing-terminals/1234002/secure-tokens/MREF_x'), 403)
  })
})

describe('update-account with a single-use token made without a browser', () => {
  it('replaces the saved card; the token is then used up', async () => {
    const saved = await saveSecureToken()
    const token = await apiToken('1234001', keyedCard(VISA_DEBIT, 'New Holder'))
    const updated = ok(
      await post(`${TOKENS}/${saved.secureTokenId}/update-account`, { type: 'singleUseToken', token }),
      200,
    )
    expect(updated.source).toMatchObject({ cardholderName: 'New Holder', cardNumber: '400006******0006' })
    const again = await post(`${TOKENS}/${saved.secureTokenId}/update-account`, {
      type: 'singleUseToken',
      token,
    })
    expect(errorParameters(again)).toEqual(['token'])
  })
})
