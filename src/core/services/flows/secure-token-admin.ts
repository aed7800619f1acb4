/**
 * The Secure tokens screen's calls: list (the spec's filters, cursor pagination), retrieve, delete, partial
 * update of the customer details (RFC 6902 JSON Patch). The list and the patch answer masked values; retrieve
 * answers the full token (Copy asks for it); the journal keeps every token masked.
 */
import { z } from 'zod'
import type {
  DeleteSecureTokenInput,
  ListSecureTokensInput,
  PatchSecureTokenInput,
  SecureTokenCustomer,
  SecureTokenDeleted,
  SecureTokenDetails,
  SecureTokenListed,
  SecureTokenPage,
  SecureTokenPatched,
  SecureTokenRef,
} from '../../../shared/contract'
import type { EnvironmentInfo } from '../../../shared/environments'
import { PayrocCustomer, SecureToken, SecureTokenList, type JsonPatchOperation } from '../../../shared/payroc'
import { maskToken } from '../../../shared/redact'
import { err, ok, type Result } from '../../../shared/result'
import type { Logger } from '../../app-types'
import type { GatewayRegistry } from '../gateway/gateway-registry'
import { CallBudget } from '../gateway/time-budget'
import type { Journal } from '../storage/exchange-journal'
import type { History } from '../storage/session-history'
import { flowError } from './flow-errors'
import { recordFlow, startFlow } from './flow-history'

export interface FlowDeps {
  gateways: GatewayRegistry
  journal: Journal
  history: History
  logger: Logger
}

const seg = encodeURIComponent
const tokenPath = (terminal: string, secureTokenId?: string) =>
  `/processing-terminals/${seg(terminal)}/secure-tokens${secureTokenId !== undefined ? `/${seg(secureTokenId)}` : ''}`

function customerOf(token: SecureToken): SecureTokenCustomer | undefined {
  const parsed = PayrocCustomer.safeParse((token as Record<string, unknown>)['customer'])
  if (!parsed.success) return undefined
  const c = parsed.data
  const contact = (type: string) => c.contactMethods?.find((method) => method.type === type)?.value
  const email = contact('email')
  const phone = contact('phone') ?? contact('mobile')
  return {
    ...(c.firstName !== undefined ? { firstName: c.firstName } : {}),
    ...(c.lastName !== undefined ? { lastName: c.lastName } : {}),
    ...(c.referenceNumber !== undefined ? { referenceNumber: c.referenceNumber } : {}),
    ...(email !== undefined ? { email } : {}),
    ...(phone !== undefined ? { phone } : {}),
  }
}

/** A secure token as a list row: the value masked, the source as the gateway masked it. */
export function listedToken(token: SecureToken): SecureTokenListed {
  const source = token.source
  const customer = customerOf(token)
  return {
    secureTokenId: token.secureTokenId,
    processingTerminalId: token.processingTerminalId,
    maskedToken: maskToken(token.token),
    status: token.status,
    source:
      source.type === 'card'
        ? {
            type: 'card',
            masked: source.cardNumber,
            ...(source.cardType !== undefined ? { cardType: source.cardType } : {}),
            ...(source.expiryDate !== undefined ? { expiryDate: source.expiryDate } : {}),
            name: source.cardholderName,
          }
        : { type: source.type, masked: source.accountNumber, name: source.nameOnAccount },
    ...(customer ? { customer } : {}),
    ...(token.mitAgreement !== undefined ? { mitAgreement: token.mitAgreement } : {}),
  }
}

/** The `after` / `before` cursor of a list link's href, if it has one. */
function cursorOf(href: string | undefined, name: 'after' | 'before'): string | undefined {
  if (!href) return undefined
  try {
    return new URL(href, 'http://cursor.invalid').searchParams.get(name) ?? undefined
  } catch {
    return undefined
  }
}

export async function listSecureTokens(
  deps: FlowDeps,
  environment: EnvironmentInfo,
  input: ListSecureTokensInput,
): Promise<Result<SecureTokenPage>> {
  const { environmentId: _e, profile, processingTerminalId, ...filters } = input
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(filters)) if (value !== undefined) query.set(name, String(value))
  const text = query.toString()
  const answer = await deps.gateways.get(environment, profile).call({
    operation: 'secure-token:list',
    method: 'GET',
    idempotent: false,
    path: `${tokenPath(processingTerminalId)}${text ? `?${text}` : ''}`,
    schema: SecureTokenList,
    tokensOf: (list) => list.data.map((token) => token.token),
    requestTokens: filters.token !== undefined ? [filters.token] : [],
  })
  if (!answer.ok) return err(flowError(answer.error, 'secure-token'))
  const list = answer.value.value
  const link = (rel: string) => list.links?.find((l) => l.rel === rel)?.href
  const nextCursor = cursorOf(link('next'), 'after')
  const previousCursor = cursorOf(link('previous'), 'before')
  return ok({
    environmentId: environment.id,
    processingTerminalId,
    items: list.data.map(listedToken),
    limit: list.limit ?? filters.limit ?? 10,
    count: list.count ?? list.data.length,
    hasMore: list.hasMore ?? false,
    ...(nextCursor !== undefined ? { nextCursor } : {}),
    ...(previousCursor !== undefined ? { previousCursor } : {}),
    durationMs: answer.value.durationMs,
    journalId: answer.value.journalId,
  })
}

/** GET …/secure-tokens/{id}: the gateway's secure token (full value) and the exchange. */
export async function fetchSecureToken(
  deps: FlowDeps,
  environment: EnvironmentInfo,
  input: Pick<SecureTokenRef, 'profile' | 'processingTerminalId' | 'secureTokenId'>,
  /** The budget of the logical call this lookup is part of (a sale by Secure token ID): one 30 s for both. */
  budget?: CallBudget,
) {
  const answer = await deps.gateways.get(environment, input.profile).call(
    {
      operation: 'secure-token:get',
      method: 'GET',
      idempotent: false,
      path: tokenPath(input.processingTerminalId, input.secureTokenId),
      schema: SecureToken,
      tokensOf: (token) => [token.token],
    },
    budget ? { budget } : {},
  )
  return answer.ok ? answer : err(flowError(answer.error, 'secure-token'))
}

export async function getSecureToken(
  deps: FlowDeps,
  environment: EnvironmentInfo,
  input: SecureTokenRef,
): Promise<Result<SecureTokenDetails>> {
  const answer = await fetchSecureToken(deps, environment, input)
  if (!answer.ok) return answer
  const token = answer.value.value
  return ok({
    ...listedToken(token),
    token: token.token,
    durationMs: answer.value.durationMs,
    journalId: answer.value.journalId,
  })
}

export async function deleteSecureToken(
  deps: FlowDeps,
  environment: EnvironmentInfo,
  input: DeleteSecureTokenInput,
): Promise<Result<SecureTokenDeleted>> {
  const started = startFlow()
  const answer = await deps.gateways.get(environment, input.profile).call({
    operation: 'secure-token:delete',
    method: 'DELETE',
    idempotent: false,
    path: tokenPath(input.processingTerminalId, input.secureTokenId),
    schema: z.unknown(),
    tokensOf: () => [],
  })
  const result = answer.ok
    ? ok({
        secureTokenId: input.secureTokenId,
        deleted: true as const,
        ...exchangeOf(answer.value),
      })
    : err(flowError(answer.error, 'secure-token'))
  const entry = await recordFlow(
    deps,
    environment,
    {
      kind: 'secure-token',
      operation: 'secure-token:delete',
      profile: input.profile,
      processingTerminalId: input.processingTerminalId,
      secureTokenId: input.secureTokenId,
      sentence: `Secure token ${input.secureTokenId} deleted.`,
      ...started,
    },
    result,
  )
  return result.ok ? ok({ ...result.value, historyId: entry?.id }) : result
}

/** RFC 6902 operations for the customer fields given: a value replaces (add), an empty string removes. */
export function customerPatch(
  current: SecureTokenCustomer | undefined,
  hasCustomer: boolean,
  change: PatchSecureTokenInput['customer'],
  currentContacts: readonly { type: string; value: string }[],
): JsonPatchOperation[] {
  const names = ['firstName', 'lastName', 'referenceNumber'] as const
  const wanted: Record<string, string> = {}
  for (const name of names) {
    const value = change[name]
    if (value !== undefined && value !== '') wanted[name] = value
  }
  const contacts = currentContacts.filter(
    (method) =>
      !(change.email !== undefined && method.type === 'email') &&
      !(change.phone !== undefined && (method.type === 'phone' || method.type === 'mobile')),
  )
  if (change.email) contacts.push({ type: 'email', value: change.email })
  if (change.phone) contacts.push({ type: 'phone', value: change.phone })
  const contactsChanged = change.email !== undefined || change.phone !== undefined
  if (!hasCustomer)
    return [
      {
        op: 'add',
        path: '/customer',
        value: { ...wanted, ...(contacts.length > 0 ? { contactMethods: contacts } : {}) },
      },
    ]
  const ops: JsonPatchOperation[] = []
  for (const name of names) {
    const value = change[name]
    if (value === undefined) continue
    if (value !== '') ops.push({ op: 'add', path: `/customer/${name}`, value })
    else if (current?.[name] !== undefined) ops.push({ op: 'remove', path: `/customer/${name}` })
  }
  if (contactsChanged) {
    if (contacts.length > 0) ops.push({ op: 'add', path: '/customer/contactMethods', value: contacts })
    else if (currentContacts.length > 0) ops.push({ op: 'remove', path: '/customer/contactMethods' })
  }
  return ops
}

export async function patchSecureToken(
  deps: FlowDeps,
  environment: EnvironmentInfo,
  input: PatchSecureTokenInput,
): Promise<Result<SecureTokenPatched>> {
  const started = startFlow()
  const record = {
    kind: 'secure-token' as const,
    operation: 'secure-token:patch' as const,
    profile: input.profile,
    processingTerminalId: input.processingTerminalId,
    secureTokenId: input.secureTokenId,
    sentence: `Customer details of secure token ${input.secureTokenId} updated.`,
    ...started,
  }
  // JSON Patch needs to know what is there: adding /customer/firstName fails when there is no customer.
  const budget = new CallBudget()
  const current = await fetchSecureToken(deps, environment, input, budget)
  if (!current.ok) {
    await recordFlow(deps, environment, record, current)
    return current
  }
  const saved = current.value.value
  const rawCustomer = PayrocCustomer.safeParse((saved as Record<string, unknown>)['customer'])
  const ops = customerPatch(
    customerOf(saved),
    rawCustomer.success,
    input.customer,
    rawCustomer.success ? (rawCustomer.data.contactMethods ?? []) : [],
  )
  if (ops.length === 0) {
    // Nothing to change (only removals of fields that are not there): the saved token is the answer.
    return ok({ ...listedToken(saved), idempotencyKey: '', ...exchangeOf(current.value) })
  }
  const answer = await deps.gateways.get(environment, input.profile).call(
    {
      operation: 'secure-token:patch',
      method: 'PATCH',
      path: tokenPath(input.processingTerminalId, input.secureTokenId),
      body: ops,
      schema: SecureToken,
      tokensOf: (token) => [token.token],
    },
    { budget },
  )
  const result = answer.ok
    ? ok({
        ...listedToken(answer.value.value),
        idempotencyKey: answer.value.idempotencyKey,
        ...exchangeOf(answer.value),
      })
    : err(flowError(answer.error, 'secure-token'))
  const entry = await recordFlow(deps, environment, record, result)
  return result.ok ? ok({ ...result.value, historyId: entry?.id }) : result
}

const exchangeOf = (posted: { attempts: number; durationMs: number; journalId: string }) => ({
  attempts: posted.attempts,
  durationMs: posted.durationMs,
  journalId: posted.journalId,
})
