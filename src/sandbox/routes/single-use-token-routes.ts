/**
 * POST /processing-terminals/{processingTerminalId}/single-use-tokens: a single-use token without a browser,
 * from keyed card details (Luhn and expiry checked) or an ACH / PAD account (on a terminal that allows it).
 * The token is 128 characters, lives 30 minutes and is usable once — by a payment, a bank transfer, or a
 * secure-token save / update-account on the same terminal. Idempotent; 201 with Location.
 */
import { CreateSingleUseTokenBody, type ProblemError } from '../../shared/payroc'
import {
  cardType,
  expiryInPast,
  luhnValid,
  maskAccountNumber,
  maskCardNumber,
  parseExpiry,
} from '../card-checks'
import { forbidden, json, validationProblem, type Reply } from '../problem-replies'
import type { SandboxRoute, SandboxRouteRequest } from '../sandbox-types'
import { newSingleUseToken } from '../state/random-tokens'
import type { SingleUseTokenRecord, TokenSource } from '../state/single-use-token-store'
import { terminalForbidden, terminalResource, terminalWriteChecks } from './gateway-checks'
import { idempotent } from './idempotent-replay'
import { apiUrl } from './payment-replies'

/** The source the token stands for, or the errors that stop it (card number, expiry). */
function sourceOf(
  body: CreateSingleUseTokenBody,
  now: number,
  errors: ProblemError[],
): TokenSource | undefined {
  const { source } = body
  if (source.type === 'ach') {
    return {
      type: 'ach',
      nameOnAccount: source.nameOnAccount,
      accountNumber: maskAccountNumber(source.accountNumber),
      routingNumber: source.routingNumber,
      accountType: source.accountType ?? 'checking',
    }
  }
  if (source.type === 'pad') {
    return {
      type: 'pad',
      nameOnAccount: source.nameOnAccount,
      accountNumber: maskAccountNumber(source.accountNumber),
      transitNumber: source.transitNumber,
      institutionNumber: source.institutionNumber,
    }
  }
  const { keyedData, cardholderName } = source.cardDetails
  if (!luhnValid(keyedData.cardNumber)) {
    errors.push({
      parameter: 'source.cardDetails.keyedData.cardNumber',
      detail: 'cardNumber must be 12 to 19 digits and pass the Luhn check',
      message: 'Invalid card number',
    })
  }
  const expiry = keyedData.expiryDate === undefined ? undefined : parseExpiry(keyedData.expiryDate)
  if (keyedData.expiryDate !== undefined && (!expiry || expiryInPast(expiry, now))) {
    errors.push({
      parameter: 'source.cardDetails.keyedData.expiryDate',
      detail: expiry ? 'The card has expired' : 'expiryDate must be MMYY',
      message: 'Invalid expiry date',
    })
  }
  if (errors.length > 0) return undefined
  return {
    type: 'card',
    // The answer's source requires a cardholder name; the request may leave it out.
    cardholderName: cardholderName ?? 'Not provided',
    cardNumber: maskCardNumber(keyedData.cardNumber),
    expiryDate: keyedData.expiryDate ?? '',
    cardType: cardType(keyedData.cardNumber),
  }
}

/** The source as the 201 reports it (a card without expiry leaves expiryDate out). */
function sourceBody(source: TokenSource): Record<string, unknown> {
  if (source.type === 'card' && source.expiryDate === '') {
    const { expiryDate: _omitted, ...rest } = source
    return rest
  }
  return { ...source }
}

async function createSingleUseToken(ctx: SandboxRouteRequest): Promise<Reply> {
  const checked = terminalWriteChecks(ctx, CreateSingleUseTokenBody)
  if ('status' in checked) return checked
  const { caller, key, terminalId, body } = checked
  const { state } = ctx

  return idempotent(ctx, caller, key, () => {
    const terminal = state.terminalFor(terminalId, caller.apiKey)
    if (!terminal) return terminalForbidden(ctx, terminalId)
    const kind = body.source.type
    if ((kind === 'ach' && terminal.ach !== true) || (kind === 'pad' && terminal.pad !== true)) {
      return forbidden(
        ctx.path,
        terminalResource(terminalId),
        `${kind.toUpperCase()} is not enabled for this processing terminal.`,
      )
    }
    const now = state.now()
    const sourceErrors: ProblemError[] = []
    const source = sourceOf(body, now, sourceErrors)
    if (!source) return validationProblem(sourceErrors)
    const record: SingleUseTokenRecord = {
      token: newSingleUseToken(),
      sessionToken: '',
      processingTerminalId: terminalId,
      scenario: 'payment',
      source,
      apiKeyId: caller.apiKeyId,
      createdAt: now,
      expiresAt: now + state.config.singleUseTokenTtlSeconds * 1000,
      sessionless: true,
    }
    state.singleUseTokens.set(record.token, record)
    state.counters.singleUseTokensIssued++
    return json(
      201,
      {
        processingTerminalId: terminalId,
        token: record.token,
        expiresAt: new Date(record.expiresAt).toISOString(),
        source: sourceBody(source),
      },
      {
        Location: apiUrl(
          ctx,
          `/processing-terminals/${encodeURIComponent(terminalId)}/single-use-tokens/${record.token}`,
        ),
      },
    )
  })
}

export const singleUseTokenRoutes: readonly SandboxRoute[] = [
  {
    method: 'POST',
    path: /^\/v1\/processing-terminals\/([^/]*)\/single-use-tokens$/,
    group: 'secure-tokens',
    handle: createSingleUseToken,
  },
]
