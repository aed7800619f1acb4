/** Unit tests of the sandbox's pure parts: stores, fault sets, HTTP helpers, cards, CLI flags, journal masking. */
import { describe, expect, it } from 'vitest'
import { parseArgs, UsageError } from '../../src/sandbox/cli-args'
import { cardType, expiryInPast, luhnValid, maskCardNumber, parseExpiry } from '../../src/sandbox/cards'
import { FaultSet } from '../../src/sandbox/faults'
import { acceptsJson, isJsonContentType, isLoopbackAddress, splitTarget } from '../../src/sandbox/http'
import { redactJournalBody, redactPath } from '../../src/sandbox/journal'
import { ExpiringStore } from '../../src/sandbox/store'
import { SEEDED_TERMINALS, TerminalDirectory } from '../../src/sandbox/terminals'

describe('ExpiringStore', () => {
  it('keeps expired records visible to peek (not get) for the retain window, then drops them', () => {
    let now = 0
    const store = new ExpiringStore<{ expiresAt: number }>(10, () => now, 1_000)
    store.set('a', { expiresAt: 100 })
    now = 500
    expect(store.get('a')).toBeUndefined()
    expect(store.peek('a')).toEqual({ expiresAt: 100 })
    expect(store.sweep()).toBe(0)
    now = 1_100
    expect(store.sweep()).toBe(1)
    expect(store.peek('a')).toBeUndefined()
  })

  it('hides expired entries and evicts the oldest past the cap', () => {
    let now = 1000
    const store = new ExpiringStore<{ expiresAt: number; n: number }>(3, () => now)
    for (let n = 0; n < 5; n++) store.set(`k${n}`, { expiresAt: 2000 + n, n })
    expect(store.size).toBe(3)
    expect(store.evictedByCap).toBe(2)
    expect(store.get('k0')).toBeUndefined()
    expect(store.get('k4')?.n).toBe(4)
    now = 2003
    expect(store.get('k3')).toBeUndefined()
    expect(store.peek('k4')).toBeDefined()
    now = 5000
    expect(store.sweep()).toBe(2)
    expect(store.size).toBe(0)
  })
})

describe('FaultSet', () => {
  it('applies rules by group, times and probability', () => {
    const faults = new FaultSet()
    faults.add({ route: 'sessions', action: { type: 'reset' }, times: 1 })
    faults.add({ route: '*', action: { type: 'malformed' }, probability: 0.5 })
    expect(faults.take('authorize', () => 0.9)).toBeUndefined()
    expect(faults.take('sessions', () => 0.9)?.type).toBe('reset')
    expect(faults.take('sessions', () => 0.9)).toBeUndefined()
    expect(faults.take('sessions', () => 0.1)?.type).toBe('malformed')
    expect(faults.appliedTotal).toBe(2)
  })
})

describe('HTTP helpers', () => {
  it('recognises JSON content types and Accept headers', () => {
    expect(isJsonContentType('application/json')).toBe(true)
    expect(isJsonContentType('APPLICATION/JSON ; charset=utf-8')).toBe(true)
    expect(isJsonContentType('application/problem+json')).toBe(false)
    expect(isJsonContentType(undefined)).toBe(false)
    expect(acceptsJson(undefined)).toBe(true)
    expect(acceptsJson('text/html;q=0.9, */*;q=0.1')).toBe(true)
    expect(acceptsJson('application/json;q=0, text/html')).toBe(false)
  })

  it('splits request targets and spots loopback peers', () => {
    expect(splitTarget('/a/b?x=1')).toEqual({ path: '/a/b', query: 'x=1' })
    expect(splitTarget('http://h/a?b')).toEqual({ path: '/a', query: 'b' })
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true)
    expect(isLoopbackAddress('10.0.0.1')).toBe(false)
  })
})

describe('cards', () => {
  it('checks Luhn, detects types, masks and parses expiry', () => {
    expect(luhnValid('4539858876047062')).toBe(true)
    expect(luhnValid('4539858876047061')).toBe(false)
    expect(cardType('4111111111111111')).toBe('Visa')
    expect(cardType('378282246310005')).toBe('American Express')
    expect(maskCardNumber('4539858876047062')).toBe('453985******7062')
    expect(parseExpiry('07/29')).toEqual({ month: 7, year: 2029 })
    expect(parseExpiry('0729')).toEqual({ month: 7, year: 2029 })
    expect(parseExpiry('00/29')).toBeUndefined()
    expect(expiryInPast({ month: 1, year: 2020 }, Date.UTC(2020, 0, 31))).toBe(false)
    expect(expiryInPast({ month: 1, year: 2020 }, Date.UTC(2020, 1, 1))).toBe(true)
  })
})

describe('journal masking', () => {
  it('masks tokens, API keys and card data in bodies and paths', () => {
    const body = JSON.stringify({
      token: 'abcdefghijklmnop',
      cardNumber: '4539858876047062',
      cvv: '123',
      note: 'key sandbox-api-key',
    })
    const masked = redactJournalBody(body, ['sandbox-api-key'])
    expect(masked).not.toContain('abcdefghij')
    expect(masked).not.toContain('4539858876047062')
    expect(masked).not.toContain('"123"')
    expect(masked).not.toContain('sandbox-api-key')
    expect(redactPath('/v1/processing-terminals/1/hosted-fields-sessions/abcdefghijklmnop')).toBe(
      '/v1/processing-terminals/1/hosted-fields-sessions/…klmnop',
    )
  })
})

describe('terminals', () => {
  it('seeds the table and the 555 block', () => {
    const directory = TerminalDirectory.defaults()
    expect(SEEDED_TERMINALS.map((terminal) => terminal.processingTerminalId)).toEqual([
      '1234001',
      '1234002',
      '1234003',
    ])
    expect(directory.get('1234003')?.surchargePercentage).toBe(3)
    expect(directory.get('5551234')).toMatchObject({ payment: true, tokenization: false })
    expect(directory.get('5561234')).toBeUndefined()
  })
})

describe('CLI flags', () => {
  it('parses every flag', () => {
    expect(
      parseArgs([
        '--port',
        '0',
        '--host',
        '0.0.0.0',
        '--api-key',
        'a',
        '--api-key=b',
        '--token-ttl',
        '60',
        '--session-ttl',
        '30',
        '--idempotency-ttl',
        '90',
        '--terminals',
        'f.json',
        '--latency',
        '5',
      ]),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
      apiKeys: ['a', 'b'],
      tokenTtlSeconds: 60,
      sessionTtlSeconds: 30,
      idempotencyTtlSeconds: 90,
      terminals: 'f.json',
      latencyMs: 5,
    })
    expect(parseArgs([])).toEqual({ port: 4010 })
  })

  it.each([[['--nope']], [['--port']], [['--port', '-1']], [['--latency', '1.5']], [['--port', '--host']]])(
    'rejects %j',
    (args) => {
      expect(() => parseArgs(args)).toThrow(UsageError)
    },
  )
})
