/**
 * Secure tokens: create (idempotent, from a single-use token of a tokenization session), read, and
 * update-account. A terminal without secure tokens → 403; a secureTokenId that exists → 409
 * #resource-already-exists with the existing token as `instance`. Tokens are minted as the spec describes them
 * (newSecureTokenNumber), with the required `status`.
 */
import { CreateSecureTokenBody, UpdateAccountBody, type ProblemError } from '../../shared/payroc'
import {
  forbidden,
  json,
  problem,
  resourceAlreadyExists,
  validationProblem,
  type Reply,
} from '../problem-replies'
import type { SandboxRoute, SandboxRouteRequest } from '../sandbox-types'
import { newToken } from '../state/random-tokens'
import { findSecureToken, wasDeleted, type SecureTokenRecord } from '../state/secure-token-store'
import {
  answeringInputErrors,
  checkSecureTokenId,
  checkTerminalId,
  parseBody,
  readChecks,
  terminalForbidden,
  terminalResource,
  terminalWriteChecks,
  writeChecks,
  type Caller,
} from './gateway-checks'
import { idempotent } from './idempotent-replay'
import { putNewSecureToken } from './sale-payment'

export function secureTokenTerminal(
  ctx: SandboxRouteRequest,
  terminalId: string,
  caller: Caller,
): Reply | undefined {
  const terminal = ctx.state.terminalFor(terminalId, caller.apiKey)
  if (!terminal) return terminalForbidden(ctx, terminalId)
  if (!terminal.tokenization) {
    return forbidden(
      ctx.path,
      terminalResource(terminalId),
      'Secure tokens are not enabled for this processing terminal.',
    )
  }
  return undefined
}

export function secureTokenBody(record: SecureTokenRecord) {
  return {
    secureTokenId: record.secureTokenId,
    processingTerminalId: record.processingTerminalId,
    ...(record.mitAgreement !== undefined ? { mitAgreement: record.mitAgreement } : {}),
    ...(record.customer !== undefined ? { customer: record.customer } : {}),
    source: record.source,
    token: record.token,
    status: record.status,
    ...(record.customFields !== undefined ? { customFields: record.customFields } : {}),
  }
}

export const tokenUrl = (ctx: SandboxRouteRequest, terminalId: string, id: string): string =>
  `${ctx.sandbox.url}/v1/processing-terminals/${encodeURIComponent(terminalId)}/secure-tokens/${encodeURIComponent(id)}`

export const exists = (ctx: SandboxRouteRequest, terminalId: string, id: string): Reply =>
  resourceAlreadyExists(
    tokenUrl(ctx, terminalId, id),
    'secureTokenId',
    `A secure token with secureTokenId ${id} already exists.`,
  )

/** A secureTokenId in use, or deleted (Payroc: a deleted id cannot be used again). */
const taken = (ctx: SandboxRouteRequest, terminalId: string, id: string, caller: Caller): boolean =>
  findSecureToken(ctx.state.secureTokens, terminalId, id, caller.apiKeyId) !== undefined ||
  wasDeleted(ctx.state.deletedSecureTokens, terminalId, id, caller.apiKeyId)

async function createSecureToken(ctx: SandboxRouteRequest): Promise<Reply> {
  const checked = terminalWriteChecks(ctx, CreateSecureTokenBody)
  if ('status' in checked) return checked
  const { caller, key, terminalId, body } = checked
  const { state } = ctx

  return idempotent(ctx, caller, key, () => {
    const denied = secureTokenTerminal(ctx, terminalId, caller)
    if (denied) return denied
    const requested = body.secureTokenId
    if (requested !== undefined && taken(ctx, terminalId, requested, caller)) {
      return exists(ctx, terminalId, requested)
    }
    return answeringInputErrors(() => {
      const single = state.consumeSingleUseToken(body.source.token, terminalId)
      const id = requested ?? single.secureTokenId ?? `MREF_${newToken().slice(0, 24)}`
      if (taken(ctx, terminalId, id, caller)) return exists(ctx, terminalId, id)
      const record = putNewSecureToken(ctx, terminalId, caller, id, single.source, body.mitAgreement)
      return json(201, secureTokenBody(record), { Location: tokenUrl(ctx, terminalId, id) })
    })
  })
}

function getSecureToken(ctx: SandboxRouteRequest): Reply {
  const caller = readChecks(ctx)
  if ('status' in caller) return caller
  const errors: ProblemError[] = []
  const terminalId = checkTerminalId(ctx.params[0] ?? '', errors)
  const secureTokenId = checkSecureTokenId(ctx.params[1] ?? '', errors)
  if (errors.length > 0 || terminalId === undefined || secureTokenId === undefined) {
    return validationProblem(errors)
  }
  const denied = secureTokenTerminal(ctx, terminalId, caller)
  if (denied) return denied
  const record = findSecureToken(ctx.state.secureTokens, terminalId, secureTokenId, caller.apiKeyId)
  if (!record) return problem(404, `No secure token with secureTokenId ${secureTokenId}.`)
  return json(200, secureTokenBody(record))
}

async function updateAccount(ctx: SandboxRouteRequest): Promise<Reply> {
  const checked = writeChecks(ctx)
  if ('status' in checked) return checked
  const { caller, key } = checked
  const { state } = ctx
  const errors: ProblemError[] = []
  const terminalId = checkTerminalId(ctx.params[0] ?? '', errors)
  const secureTokenId = checkSecureTokenId(ctx.params[1] ?? '', errors)
  const body = parseBody(ctx.body, UpdateAccountBody, errors)
  if (errors.length > 0 || terminalId === undefined || secureTokenId === undefined || body === undefined) {
    return validationProblem(errors)
  }
  return idempotent(ctx, caller, key, () => {
    const denied = secureTokenTerminal(ctx, terminalId, caller)
    if (denied) return denied
    const record = findSecureToken(state.secureTokens, terminalId, secureTokenId, caller.apiKeyId)
    if (!record) return problem(404, `No secure token with secureTokenId ${secureTokenId}.`)
    return answeringInputErrors(() => {
      const single = state.consumeSingleUseToken(body.token, terminalId)
      record.source = { ...single.source }
      // New payment details: their validation starts over.
      record.status = 'notValidated'
      record.updatedAt = state.now()
      state.counters.secureTokensUpdated++
      return json(200, secureTokenBody(record))
    })
  })
}

export const TOKENS = '^\\/v1\\/processing-terminals\\/([^/]*)\\/secure-tokens'

export const secureTokenRoutes: readonly SandboxRoute[] = [
  { method: 'POST', path: new RegExp(`${TOKENS}$`), group: 'secure-tokens', handle: createSecureToken },
  { method: 'GET', path: new RegExp(`${TOKENS}\\/([^/]*)$`), group: 'secure-tokens', handle: getSecureToken },
  {
    method: 'POST',
    path: new RegExp(`${TOKENS}\\/([^/]*)\\/update-account$`),
    group: 'secure-tokens',
    handle: updateAccount,
  },
]
