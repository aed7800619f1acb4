/**
 * Hostile input (SECURITY.md, fuzzing): every channel of the contract, through both transports — `dispatch` over a
 * real createConsole (real keychain: run inside scripts/with-keyring.sh) and the browser preview's bridge
 * (POST /rpc/<channel>) — with hundreds of malformed payloads from a seeded generator: wrong types, missing and
 * extra fields, 1 MB strings, deep nesting, prototype-pollution keys, unicode oddities, numbers as strings, arrays
 * for objects, null/undefined. Each answer must be a `validation` Result (or 413/400 at the bridge's own layer),
 * never a throw; afterwards nothing was written (history, settings, keychain), nothing was sent to the gateway,
 * Object.prototype is clean, and both consoles still answer app:info.
 *
 * Reproduce a run with FUZZ_SEED=<n> (the seed is printed in every failure message).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import keytar from 'keytar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsoleApp } from '../../src/core/console-app'
import { createConsole } from '../../src/core/console-app'
import { VAULT_SERVICE } from '../../src/core/services/credentials/vault'
import { CHANNELS, type Channel } from '../../src/shared/channels'
import { contract } from '../../src/shared/contract'
import { MAX_BODY_BYTES, startWebConsole, type WebConsole } from '../../src/web/preview-server'
import { rawRequest } from '../support/sandbox'
import { prng } from '../support/prng'
import { call } from '../support/call'
import { sandboxControlClient } from '../../src/sandbox/control-client'

const SEED = Number(process.env['FUZZ_SEED'] ?? 0x5eed_2026)
const MIN_PER_TRANSPORT = 200
const ONE_MB = 1024 * 1024

/**
 * How each field of a channel's request is checked, which decides which mutations are certainly invalid:
 * format = regex/enum (any unicode oddity breaks it), id = any short string, answered "not found" by the handler,
 * free = any string within a length limit (only wrong types, huge strings and nulls break it), url, int, bool.
 */
type FieldKind = 'format' | 'id' | 'free' | 'url' | 'int' | 'bool' | 'amount'
interface Field {
  kind: FieldKind
  value: unknown
  required: boolean
}
type Template = Record<string, Field>

const req = (kind: FieldKind, value: unknown): Field => ({ kind, value, required: true })
const opt = (kind: FieldKind, value: unknown): Field => ({ kind, value, required: false })
const target = (): Template => ({
  environmentId: req('format', 'sandbox'),
  profile: req('format', 'default'),
})
const terminal = (): Template => ({
  ...target(),
  processingTerminalId: req('free', '1234001'),
  confirmProduction: opt('bool', false),
})
/** A read: the terminal, no Production confirmation. */
const reader = (): Template => ({ ...target(), processingTerminalId: req('free', '1234001') })
const historyFilter = (): Template => ({
  terminal: opt('free', '1234'),
  environmentId: opt('format', 'sandbox'),
  outcome: opt('format', 'ok'),
  query: opt('free', '1234 sandbox'),
  limit: opt('int', 10),
})

const TEMPLATES: Record<Channel, Template> = {
  'app:info': {},
  'environment:list': {},
  'environment:select': target(),
  'environment:saveCustom': {
    id: opt('format', 'custom:fuzz'),
    name: req('free', 'Fuzz gateway'),
    apiBase: req('url', 'http://127.0.0.1:9/v1'),
    identityBase: req('url', 'http://127.0.0.1:9'),
    cdnBase: req('url', 'http://127.0.0.1:9'),
    defaultLibVersion: opt('format', '1.7.0.261457'),
  },
  'environment:deleteCustom': { environmentId: req('format', 'custom:fuzz') },
  'vault:status': target(),
  'vault:setKey': { ...target(), apiKey: req('format', 'fuzz-api-key-0123456789') },
  'vault:deleteKey': target(),
  'vault:test': target(),
  'vault:setSessionOnly': { ...target(), enabled: req('bool', false) },
  'eventLog:record': {
    journalId: req('id', 'no-such-entry'),
    events: req('format', [{ name: 'ready', payload: null, at: '2026-12-02T00:00:00.000Z' }]),
  },
  'eventLog:restore': {},
  'vault:confirmKey': target(),
  'session:create': {
    ...target(),
    processingTerminalId: req('free', '1234001'),
    scenario: req('format', 'payment'),
    libVersion: req('format', '1.7.0.261457'),
    secureTokenId: opt('free', 'st-1'),
    confirmProduction: opt('bool', false),
  },
  'session:cancel': { requestId: req('format', '0b7a6f3e-8d2c-4c1a-9f4e-2a5b6c7d8e9f') },
  'journal:get': { id: req('id', 'no-such-entry') },
  'journal:list': { limit: opt('int', 5) },
  'journal:curl': { id: req('id', 'no-such-entry'), attempt: opt('int', 1) },
  'history:list': historyFilter(),
  'history:rerun': { id: req('id', 'no-such-entry'), confirmProduction: opt('bool', false) },
  'history:exportCsv': historyFilter(),
  'history:clear': {},
  'sandbox:expireSession': { environmentId: req('format', 'sandbox'), token: req('id', 'no-such-token') },
  'sandbox:forceNext': { environmentId: req('format', 'uat'), action: req('format', 'reset') },
  'sandbox:closeBatch': {
    environmentId: req('format', 'uat'),
    processingTerminalId: req('free', '1234001'),
  },
  'library:status': {},
  // A file that is not there, and Payroc's script with no copy: even a variant that passed the schema writes nothing.
  'library:importScript': {
    libVersion: req('format', '1.7.0.261457'),
    from: req('format', 'file'),
    path: req('free', '/nonexistent/hfc-fuzz/hosted-fields.js'),
  },
  'library:setSource': { source: req('format', 'payroc'), libVersion: opt('format', '1.7.0.261457') },
  'history:recordLibrary': {
    historyId: req('id', 'no-such-entry'),
    state: req('format', 'ready'),
    message: opt('free', 'The card form failed.'),
  },
  'bundle:export': { journalId: opt('id', 'no-such-entry'), ...target() },
  'preflight:run': {
    ...target(),
    processingTerminalId: req('free', '1234001'),
    libVersion: req('format', '1.7.0.261457'),
    confirmProduction: opt('bool', false),
  },
  'batch:start': {
    ...target(),
    input: req('free', '1234001\n1234002'),
    concurrency: opt('int', 2),
    confirmProduction: opt('bool', false),
  },
  'batch:cancel': { batchId: req('id', 'no-such-batch') },
  'batch:get': { batchId: req('id', 'no-such-batch') },
  'batch:exportCsv': { batchId: req('id', 'no-such-batch') },
  'app:clearAllData': {},
  'secureToken:save': {
    ...target(),
    processingTerminalId: req('free', '1234001'),
    singleUseToken: req('free', 'sut-no-such-token'),
    secureTokenId: opt('free', 'st-1'),
    confirmProduction: opt('bool', false),
  },
  'secureToken:update': {
    ...target(),
    processingTerminalId: req('free', '1234001'),
    singleUseToken: req('free', 'sut-no-such-token'),
    secureTokenId: req('free', 'st-1'),
    confirmProduction: opt('bool', false),
  },
  'payment:run': {
    ...terminal(),
    amount: req('amount', 1000),
    currency: req('format', 'USD'),
    orderId: req('free', 'fuzz-order-1'),
    paymentMethod: req('format', { type: 'singleUseToken', token: 'sut-no-such-token' }),
    autoCapture: opt('bool', true),
    tokenize: opt('bool', false),
  },
  'payment:capture': { ...terminal(), paymentId: req('format', 'P000000001'), amount: opt('amount', 500) },
  'payment:reverse': { ...terminal(), paymentId: req('format', 'P000000001'), amount: opt('amount', 500) },
  'payment:refund': {
    ...terminal(),
    paymentId: req('format', 'P000000001'),
    amount: req('amount', 500),
    description: opt('free', 'fuzz refund'),
  },
  'bankTransfer:run': {
    ...terminal(),
    amount: req('amount', 1000),
    currency: req('format', 'USD'),
    orderId: req('free', 'fuzz-order-2'),
    paymentMethod: req('format', { type: 'singleUseToken', token: 'sut-no-such-token' }),
    secCode: opt('format', 'web'),
  },
  'bankTransfer:reverse': { ...terminal(), paymentId: req('format', 'P000000001') },
  'bankTransfer:refund': {
    ...terminal(),
    paymentId: req('format', 'P000000001'),
    amount: req('amount', 500),
    description: opt('free', 'fuzz refund'),
  },
  'secureToken:list': {
    ...reader(),
    customerName: opt('free', 'Fuzz'),
    first6: opt('format', '453985'),
    last4: opt('format', '7062'),
    limit: opt('int', 10),
  },
  'secureToken:get': { ...terminal(), secureTokenId: req('free', 'st-1') },
  'secureToken:delete': { ...terminal(), secureTokenId: req('free', 'st-1') },
  'secureToken:patch': {
    ...terminal(),
    secureTokenId: req('free', 'st-1'),
    customer: req('format', { firstName: 'Fuzz' }),
  },
  'card:binLookup': {
    ...reader(),
    amount: opt('amount', 1000),
    currency: opt('format', 'USD'),
    card: req('format', { type: 'cardBin', bin: '453985' }),
  },
  'singleUseToken:create': {
    ...terminal(),
    source: req('format', {
      type: 'card',
      cardNumber: '4539858876047062',
      expiryDate: '1230',
      cardholderName: 'Fuzz',
    }),
  },
  'merchantPage:check': {
    url: req('url', 'http://127.0.0.1:9/checkout.html'),
    environmentId: req('format', 'sandbox'),
    timeoutSeconds: opt('int', 5),
    checkId: opt('free', 'fuzz'),
  },
}

const UNICODE_ODDITIES = [
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\u202e', // right-to-left override
  '\u0000', // NUL
  '\u200b', // zero-width space
  '\ufeff', // byte-order mark
  '\u0301', // combining accent
  '\uffff', // noncharacter
]

const hugeString = (random: () => number) => 'A'.repeat(ONE_MB + Math.floor(random() * 64))
const deepObject = (depth: number): unknown => {
  let value: unknown = 'bottom'
  for (let level = 0; level < depth; level += 1) value = { a: value }
  return value
}
const deepArray = (depth: number): unknown => {
  let value: unknown = []
  for (let level = 0; level < depth; level += 1) value = [value]
  return value
}
const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T

function wrongTypes(kind: FieldKind): unknown[] {
  switch (kind) {
    case 'int':
      // numbers as strings, fractions, out of range, and other types
      return ['5', '1e3', ' 7 ', 1.5, -1, 1e9, Number.NaN, true, [], {}, 'ten']
    case 'bool':
      return ['true', 'false', 1, 0, 'yes', [], {}]
    case 'amount':
      // minor units: positive whole numbers only (any positive integer would be a valid amount)
      return ['5', '1e3', ' 7 ', 1.5, -1, 0, 1e21, Number.NaN, true, [], {}, 'ten']
    default:
      return [123, 0, -1.5, true, false, [], ['sandbox'], {}, { value: 'sandbox' }, 1e21]
  }
}

interface Case {
  channel: Channel
  label: string
  /** The payload as JS (dispatch); for the bridge it is JSON.stringify'd unless `raw` is given. */
  payload: unknown
  /** Bridge only: the exact body bytes (invalid JSON). */
  raw?: string
}

const valid = (template: Template): Record<string, unknown> =>
  Object.fromEntries(Object.entries(template).map(([name, field]) => [name, field.value]))

/** The malformed payloads for one channel: systematic ones, then seeded random picks. */
function casesFor(channel: Channel, random: () => number): Case[] {
  const template = TEMPLATES[channel]
  const base = valid(template)
  const acceptsEmpty = contract[channel].request.safeParse({}).success
  const cases: Case[] = []
  const add = (label: string, payload: unknown) => cases.push({ channel, label, payload })

  // Whole payload of the wrong shape. null/undefined mean "no payload" ({}), valid for all-optional channels.
  if (!acceptsEmpty) {
    add('null payload', null)
    add('undefined payload', undefined)
    add('empty object', {})
  }
  add('number payload', pick(random, [42, 0, -1, 3.14]))
  add('string payload', pick(random, ['sandbox', '{}', '', '\u202e']))
  add('boolean payload', random() < 0.5)
  add('array for object', [base])
  add('empty array', [])
  add('deeply nested array payload', deepArray(2000 + Math.floor(random() * 2000)))
  add('1 MB string payload', hugeString(random))

  // Extra and prototype-pollution keys (JSON.parse makes them own properties, as the bridge would).
  add('extra field', { ...base, extra: 1 })
  const rest = JSON.stringify(base).slice(1)
  add('__proto__ key', JSON.parse(`{"__proto__":{"polluted":"yes"}${rest === '}' ? '' : ','}${rest}`))
  add('__proto__ only', JSON.parse('{"__proto__":{"polluted":"yes","isAdmin":true}}'))
  add('constructor.prototype key', { ...base, constructor: { prototype: { polluted: 'yes' } } })
  add('prototype key', { ...base, prototype: { polluted: 'yes' } })
  add('unicode key', { ...base, [`environment\u202eId`]: 'sandbox' })
  add('NUL key', { ...base, 'a\u0000b': 1 })

  for (const [name, field] of Object.entries(template)) {
    const set = (value: unknown) => ({ ...base, [name]: value })
    add(`${name}: null`, set(null))
    add(`${name}: wrong type`, set(pick(random, wrongTypes(field.kind))))
    add(`${name}: another wrong type`, set(pick(random, wrongTypes(field.kind))))
    add(`${name}: deep nesting`, set(deepObject(500 + Math.floor(random() * 1500))))
    if (field.required) {
      const { [name]: _dropped, ...rest } = base
      add(`${name}: missing`, rest)
    }
    if (field.kind === 'int' || field.kind === 'amount')
      add(`${name}: number as string`, set(String(field.value)))
    if (field.kind !== 'int' && field.kind !== 'bool' && field.kind !== 'amount')
      add(`${name}: 1 MB string`, set(hugeString(random)))
    if (field.kind === 'format' || field.kind === 'id') {
      const oddity = pick(random, UNICODE_ODDITIES)
      const text = String(field.value)
      const at = Math.floor(random() * (text.length + 1))
      add(`${name}: unicode ${JSON.stringify(oddity)}`, set(`${text.slice(0, at)}${oddity}${text.slice(at)}`))
    }
    if (field.kind === 'format') add(`${name}: empty string`, set(''))
  }
  return cases
}

/** Bodies that are not JSON at all: the bridge answers 400 before any channel sees them. */
const RAW_BODIES = ['{', '{"environmentId":', 'NaN', "{'a':1}", '\ufeff{}x', '{"a":1}}', 'undefined', '[1,]']

function allCases(): Case[] {
  const random = prng(SEED)
  const cases = CHANNELS.flatMap((channel) => casesFor(channel, random))
  // Stable order per seed, but channels interleaved so state left by one call would meet the next channel.
  for (let index = cases.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1))
    ;[cases[index], cases[other]] = [cases[other] as Case, cases[index] as Case]
  }
  return cases
}

// ── state that must not change ─────────────────────────────────────────────────────────────────────────────

interface Snapshot {
  keychainAccounts: string[]
  files: Record<string, string>
  prototypeKeys: string[]
  sandboxes: { sessionsCreated: number; sessionRequests: number }[]
  journal: number[]
  history: number[]
}

async function filesOf(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    // The log is the one file allowed to grow (it records start-up; it must not record payloads — checked below).
    if (!entry.isFile() || entry.name.startsWith('console.log')) continue
    out[entry.name] = await readFile(path.join(dir, entry.name), 'utf8')
  }
  return out
}

let app: ConsoleApp
let web: WebConsole
let root: string
let appDir: string
let webDir: string
let before: Snapshot

async function snapshot(): Promise<Snapshot> {
  const consoles = [app, web.app]
  const sandboxes = await Promise.all(
    consoles.map(async (one) => {
      const stats = await sandboxControlClient(one.info.sandboxUrl).stats()
      return { sessionsCreated: stats.sessionsCreated, sessionRequests: stats.requests.sessions }
    }),
  )
  const counts = async (get: () => Promise<{ ok: boolean; value?: { entries: unknown[] } }>) => {
    const result = await get()
    return result.value?.entries.length ?? -1
  }
  return {
    keychainAccounts: (await keytar.findCredentials(VAULT_SERVICE)).map((item) => item.account).sort(),
    files: { ...(await filesOf(appDir)), ...(await filesOf(webDir)) },
    prototypeKeys: Object.getOwnPropertyNames(Object.prototype).sort(),
    sandboxes,
    journal: await Promise.all(consoles.map((one) => counts(() => call(one, 'journal:list', {})))),
    history: await Promise.all(consoles.map((one) => counts(() => call(one, 'history:list', {})))),
  }
}

beforeAll(async () => {
  if (!process.env['DBUS_SESSION_BUS_ADDRESS'])
    throw new Error('Run inside a Secret Service session: bash scripts/with-keyring.sh npx vitest …')
  root = await mkdtemp(path.join(tmpdir(), 'hfc-fuzz-'))
  appDir = path.join(root, 'dispatch')
  webDir = path.join(root, 'web')
  const rendererDir = path.join(root, 'renderer')
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true })
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>console</title>')
  await writeFile(path.join(rendererDir, 'testpage.html'), '<!doctype html><title>test page</title>')
  app = await createConsole({
    dataDir: appDir,
    transport: 'web',
    appVersion: '0.0.0-fuzz',
    testPageOrigin: 'http://127.0.0.1:1',
  })
  web = await startWebConsole({ port: 0, dataDir: webDir, rendererDir })
  before = await snapshot()
})

afterAll(async () => {
  await Promise.allSettled([app?.close(), web?.close()])
  await rm(root, { recursive: true, force: true })
})

const cases = allCases()
const describeCase = (c: Case) => `seed ${SEED}: ${c.channel} ← ${c.label}`

describe(`hostile input on every channel (seed ${SEED}, ${cases.length} payloads per transport)`, () => {
  it('covers every channel with at least 200 malformed payloads per transport', () => {
    expect(cases.length).toBeGreaterThanOrEqual(MIN_PER_TRANSPORT)
    expect(new Set(cases.map((c) => c.channel))).toEqual(new Set(CHANNELS))
  })

  it('dispatch: every payload is a validation Result, never a throw', async () => {
    const internal: string[] = []
    for (const c of cases) {
      let result: Awaited<ReturnType<typeof app.dispatch>>
      try {
        result = await app.dispatch(c.channel, c.payload)
        if (!result.ok && result.error.kind === 'internal')
          internal.push(`${c.channel}: ${result.error.message}`)
      } catch (error) {
        throw new Error(`${describeCase(c)} threw: ${String(error)}`, { cause: error })
      }
      if (result.ok) throw new Error(`${describeCase(c)} was accepted`)
      expect(result.error.kind, describeCase(c)).toBe('validation')
      expect(result.error.hint.length, describeCase(c)).toBeGreaterThan(0)
      // The answer never echoes a 1 MB input back.
      expect(JSON.stringify(result).length, describeCase(c)).toBeLessThan(64 * 1024)
    }
    expect(internal).toEqual([])
  })

  it('bridge: every payload is a 200 validation Result, 413 past 256 KB, 400 when not JSON', async () => {
    const post = (channel: string, body: string) =>
      rawRequest(`http://127.0.0.1:${web.port}`, {
        method: 'POST',
        path: `/rpc/${channel}`,
        headers: {
          host: `127.0.0.1:${web.port}`,
          'content-type': 'application/json',
          'x-console-token': web.token,
        },
        body,
      })
    const statuses: Record<number, number> = {}
    for (const c of cases) {
      const body = c.payload === undefined ? '' : JSON.stringify(c.payload)
      const answer = await post(c.channel, body)
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1
      if (Buffer.byteLength(body) > MAX_BODY_BYTES) {
        expect(answer.status, describeCase(c)).toBe(413)
        continue
      }
      expect(answer.status, `${describeCase(c)}: ${answer.text.slice(0, 200)}`).toBe(200)
      const result = JSON.parse(answer.text) as { ok: boolean; error?: { kind: string; hint: string } }
      expect(result.ok, describeCase(c)).toBe(false)
      expect(result.error?.kind, describeCase(c)).toBe('validation')
      expect(result.error?.hint.length, describeCase(c)).toBeGreaterThan(0)
    }
    const random = prng(SEED ^ 0xbad)
    for (const raw of RAW_BODIES) {
      const channel = pick(random, CHANNELS)
      const answer = await post(channel, raw)
      expect(answer.status, `seed ${SEED}: ${channel} ← raw ${JSON.stringify(raw)}`).toBe(400)
      statuses[400] = (statuses[400] ?? 0) + 1
    }
    // Each layer was exercised: the schema (200), the size limit (413) and the JSON parser (400).
    expect(statuses[200] ?? 0).toBeGreaterThanOrEqual(MIN_PER_TRANSPORT)
    expect(statuses[413] ?? 0).toBeGreaterThan(0)
    expect(statuses[400] ?? 0).toBe(RAW_BODIES.length)
  })

  it('wrote nothing, sent nothing, polluted nothing, and both consoles still answer', async () => {
    const after = await snapshot()
    expect(after.keychainAccounts, 'no keychain entry created or removed').toEqual(before.keychainAccounts)
    expect(after.files, 'history and settings untouched').toEqual(before.files)
    expect(Object.keys(after.files).filter((name) => /history|settings/.test(name))).toEqual(
      Object.keys(before.files).filter((name) => /history|settings/.test(name)),
    )
    expect(after.sandboxes, 'no session request reached either sandbox').toEqual(before.sandboxes)
    expect(after.journal, 'no gateway exchange').toEqual(before.journal)
    expect(after.history, 'no history entry').toEqual(before.history)
    expect(after.prototypeKeys).toEqual(before.prototypeKeys)
    const probe: Record<string, unknown> = {}
    expect(probe['polluted']).toBeUndefined()
    expect(probe['isAdmin']).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    for (const one of [app, web.app]) {
      expect(await call(one, 'app:info', {})).toMatchObject({
        ok: true,
        value: { name: expect.any(String) },
      })
    }
    const info = await web.app.dispatch('app:info', undefined)
    expect(info.ok).toBe(true)
    // The log recorded no payload (no 1 MB line, no pollution marker).
    for (const dir of [appDir, webDir]) {
      const log = await readFile(path.join(dir, 'console.log'), 'utf8').catch(() => '')
      expect(log.length).toBeLessThan(64 * 1024)
      expect(log).not.toContain('polluted')
    }
  })
})
