/**
 * Managing saved secure tokens: list (the spec's filters, cursor pagination with before / after = a
 * secureTokenId, limit 1–100, default 10), partial update (RFC 6902 JSON Patch of the customer details,
 * mitAgreement and customFields; idempotent) and delete (204; the id stays taken).
 */
import {
  CustomField,
  ListSecureTokensQuery,
  MitAgreement,
  PayrocCustomer,
  SecureTokenPatch,
  type ProblemError,
} from '../../shared/payroc'
import { z } from 'zod'
import { json, problem, validationProblem, type Reply } from '../problem-replies'
import type { SandboxRoute, SandboxRouteRequest } from '../sandbox-types'
import { applyJsonPatch, PatchError } from '../state/sandbox-json-patch'
import {
  deleteSecureToken as removeSecureToken,
  findSecureToken,
  type SecureTokenRecord,
} from '../state/secure-token-store'
import {
  authenticate,
  checkSecureTokenId,
  checkTerminalId,
  parseBody,
  readChecks,
  writeChecks,
} from './gateway-checks'
import { idempotent } from './idempotent-replay'
import { secureTokenBody, secureTokenTerminal, TOKENS } from './secure-token-routes'

const DEFAULT_LIMIT = 10

const contains = (haystack: string | undefined, needle: string): boolean =>
  haystack !== undefined && haystack.toLowerCase().includes(needle.toLowerCase())

/** Whether a saved token passes every filter given. */
function matches(record: SecureTokenRecord, query: ListSecureTokensQuery): boolean {
  const { source, customer } = record
  if (query.secureTokenId !== undefined && record.secureTokenId !== query.secureTokenId) return false
  if (query.token !== undefined && record.token !== query.token) return false
  if (query.customerName !== undefined) {
    const names = [
      source.type === 'card' ? source.cardholderName : source.nameOnAccount,
      [customer?.firstName, customer?.lastName].filter(Boolean).join(' '),
      customer?.shippingAddress?.recipientName,
    ]
    if (!names.some((name) => contains(name, query.customerName ?? ''))) return false
  }
  const contacts = customer?.contactMethods ?? []
  if (query.email !== undefined) {
    const email = query.email.toLowerCase()
    if (!contacts.some((contact) => contact.type === 'email' && contact.value.toLowerCase() === email))
      return false
  }
  if (query.phone !== undefined) {
    const digits = query.phone.replace(/\D/g, '')
    const phones = contacts.filter((contact) => contact.type !== 'email')
    if (!phones.some((contact) => contact.value.replace(/\D/g, '') === digits)) return false
  }
  const number = source.type === 'card' ? source.cardNumber : source.accountNumber
  if (query.first6 !== undefined && (source.type !== 'card' || !number.startsWith(query.first6))) return false
  if (query.last4 !== undefined && !number.endsWith(query.last4)) return false
  return true
}

/** The query as the spec names its parameters (first value of each; unknown ones ignored). */
function readQuery(raw: string, errors: ProblemError[]): ListSecureTokensQuery | undefined {
  const params = new URLSearchParams(raw)
  const value: Record<string, string> = {}
  for (const name of Object.keys(ListSecureTokensQuery.shape)) {
    const given = params.get(name)
    if (given !== null) value[name] = given
  }
  const result = ListSecureTokensQuery.safeParse(value)
  if (!result.success) {
    for (const issue of result.error.issues) {
      const parameter = issue.path.map(String).join('.') || 'query'
      errors.push({ parameter, detail: issue.message, message: `Invalid ${parameter}` })
    }
    return undefined
  }
  if (result.data.before !== undefined && result.data.after !== undefined) {
    errors.push({
      parameter: 'before',
      detail: 'before and after cannot be sent together',
      message: 'Invalid before',
    })
    return undefined
  }
  return result.data
}

function pageLink(
  ctx: SandboxRouteRequest,
  rel: 'next' | 'previous',
  query: ListSecureTokensQuery,
  cursor: string,
) {
  const params = new URLSearchParams()
  for (const [name, given] of Object.entries(query)) {
    if (given !== undefined && name !== 'before' && name !== 'after') params.set(name, String(given))
  }
  params.set(rel === 'next' ? 'after' : 'before', cursor)
  return { rel, method: 'get', href: `${ctx.sandbox.url}${ctx.path}?${params.toString()}` }
}

function listSecureTokens(ctx: SandboxRouteRequest): Reply {
  const caller = readChecks(ctx)
  if ('status' in caller) return caller
  const errors: ProblemError[] = []
  const terminalId = checkTerminalId(ctx.params[0] ?? '', errors)
  const query = readQuery(ctx.query, errors)
  if (errors.length > 0 || terminalId === undefined || query === undefined) return validationProblem(errors)
  const denied = secureTokenTerminal(ctx, terminalId, caller)
  if (denied) return denied

  const all: SecureTokenRecord[] = []
  for (const record of ctx.state.secureTokens.values()) {
    if (
      record.processingTerminalId === terminalId &&
      record.apiKeyId === caller.apiKeyId &&
      matches(record, query)
    ) {
      all.push(record)
    }
  }
  const limit = query.limit ?? DEFAULT_LIMIT
  const cursor = query.after ?? query.before
  let start = 0
  let end = all.length
  if (cursor !== undefined) {
    const at = all.findIndex((record) => record.secureTokenId === cursor)
    if (at === -1) {
      const parameter = query.after !== undefined ? 'after' : 'before'
      return validationProblem([
        { parameter, detail: `No secure token ${cursor} in these results.`, message: `Invalid ${parameter}` },
      ])
    }
    if (query.after !== undefined) start = at + 1
    else end = at
  }
  const page =
    query.before !== undefined
      ? all.slice(Math.max(start, end - limit), end)
      : all.slice(start, start + limit)
  const first = all.indexOf(page[0] as SecureTokenRecord)
  const last = first + page.length - 1
  const hasMore = query.before !== undefined ? first > 0 : last < all.length - 1
  const links = []
  if (page.length > 0 && last < all.length - 1)
    links.push(pageLink(ctx, 'next', query, page[page.length - 1]?.secureTokenId ?? ''))
  if (page.length > 0 && first > 0) links.push(pageLink(ctx, 'previous', query, page[0]?.secureTokenId ?? ''))
  return json(200, {
    limit,
    count: page.length,
    hasMore,
    links,
    data: page.map(secureTokenBody),
  })
}

/** The part of a secure token a patch may change, and the schema it must still satisfy afterwards. */
const PatchableDocument = z.object({
  mitAgreement: MitAgreement.optional(),
  customer: PayrocCustomer.optional(),
  customFields: z.array(CustomField).optional(),
})
const PATCHABLE = ['/customer', '/mitAgreement', '/customFields']
const patchable = (pointer: string): boolean =>
  PATCHABLE.some((root) => pointer === root || pointer.startsWith(`${root}/`))

async function patchSecureToken(ctx: SandboxRouteRequest): Promise<Reply> {
  const checked = writeChecks(ctx)
  if ('status' in checked) return checked
  const { caller, key } = checked
  const errors: ProblemError[] = []
  const terminalId = checkTerminalId(ctx.params[0] ?? '', errors)
  const secureTokenId = checkSecureTokenId(ctx.params[1] ?? '', errors)
  const operations = parseBody(ctx.body, SecureTokenPatch, errors)
  operations?.forEach((operation, index) => {
    for (const field of ['path', 'from'] as const) {
      const pointer = field === 'path' ? operation.path : 'from' in operation ? operation.from : undefined
      if (pointer === undefined || patchable(pointer) || (operation.op === 'test' && field === 'path'))
        continue
      errors.push({
        parameter: `${index}.${field}`,
        detail: `${pointer} cannot be changed; a partial update changes ${PATCHABLE.join(', ')}`,
        message: `Invalid ${index}.${field}`,
      })
    }
  })
  if (
    errors.length > 0 ||
    terminalId === undefined ||
    secureTokenId === undefined ||
    operations === undefined
  ) {
    return validationProblem(errors)
  }
  return idempotent(ctx, caller, key, () => {
    const denied = secureTokenTerminal(ctx, terminalId, caller)
    if (denied) return denied
    const record = findSecureToken(ctx.state.secureTokens, terminalId, secureTokenId, caller.apiKeyId)
    if (!record) return problem(404, `No secure token with secureTokenId ${secureTokenId}.`)
    const current = secureTokenBody(record)
    let patched: unknown
    try {
      patched = applyJsonPatch(current, operations)
    } catch (error) {
      if (!(error instanceof PatchError)) throw error
      const parameter = `${error.index}.${error.field}`
      return validationProblem([{ parameter, detail: error.message, message: `Invalid ${parameter}` }])
    }
    const result = PatchableDocument.safeParse(patched)
    if (!result.success) {
      return validationProblem(
        result.error.issues.map((issue) => {
          const parameter = issue.path.map(String).join('.') || 'body'
          return { parameter, detail: issue.message, message: `Invalid ${parameter}` }
        }),
      )
    }
    const next = result.data
    if (next.mitAgreement !== undefined) record.mitAgreement = next.mitAgreement
    else delete record.mitAgreement
    if (next.customer !== undefined) record.customer = next.customer
    else delete record.customer
    if (next.customFields !== undefined) record.customFields = next.customFields
    else delete record.customFields
    record.updatedAt = ctx.state.now()
    ctx.state.counters.secureTokensUpdated++
    return json(200, secureTokenBody(record))
  })
}

/** DELETE: 401, path checks, 403, 404, then 204 (no body). The spec documents no 406 here: Accept is not checked. */
function deleteSecureToken(ctx: SandboxRouteRequest): Reply {
  const caller = authenticate(ctx.state, ctx.req)
  if ('status' in caller) return caller
  const errors: ProblemError[] = []
  const terminalId = checkTerminalId(ctx.params[0] ?? '', errors)
  const secureTokenId = checkSecureTokenId(ctx.params[1] ?? '', errors)
  if (errors.length > 0 || terminalId === undefined || secureTokenId === undefined)
    return validationProblem(errors)
  const denied = secureTokenTerminal(ctx, terminalId, caller)
  if (denied) return denied
  const { state } = ctx
  const record = findSecureToken(state.secureTokens, terminalId, secureTokenId, caller.apiKeyId)
  if (!record) return problem(404, `No secure token with secureTokenId ${secureTokenId}.`)
  removeSecureToken(state.secureTokens, state.deletedSecureTokens, record, state.now())
  state.counters.secureTokensDeleted++
  return { status: 204, contentType: '', body: '' }
}

export const secureTokenManageRoutes: readonly SandboxRoute[] = [
  { method: 'GET', path: new RegExp(`${TOKENS}$`), group: 'secure-tokens', handle: listSecureTokens },
  {
    method: 'PATCH',
    path: new RegExp(`${TOKENS}\\/([^/]*)$`),
    group: 'secure-tokens',
    handle: patchSecureToken,
  },
  {
    method: 'DELETE',
    path: new RegExp(`${TOKENS}\\/([^/]*)$`),
    group: 'secure-tokens',
    handle: deleteSecureToken,
  },
]
