/**
 * The surcharging check (POST /cards/bin-lookup: a read, no Idempotency-Key, not in History) and a single-use
 * token without a browser (POST …/single-use-tokens: created at the gateway, in History with its last 6
 * characters only; the full token is in this answer alone). Card and account numbers stay masked in the journal.
 */
import type {
  BinLookupInput,
  BinLookupOutcome,
  CreateSingleUseTokenInput,
  SingleUseTokenCreated,
  SingleUseTokenSourceInput,
} from '../../../shared/contract'
import type { EnvironmentInfo } from '../../../shared/environments'
import {
  BinLookupRequest,
  BinLookupResponse,
  CreateSingleUseTokenBody,
  SingleUseTokenResponse,
} from '../../../shared/payroc'
import { maskToken } from '../../../shared/redact'
import { err, ok, validationError, type Result } from '../../../shared/result'
import { CallBudget } from '../gateway/time-budget'
import { flowError } from './flow-errors'
import { recordFlow, startFlow } from './flow-history'
import { formatAmount } from './flow-outcome'
import { fetchSecureToken, type FlowDeps } from './secure-token-admin'

export function surchargeVerdict(
  surcharging: BinLookupOutcome['surcharging'],
  amount?: number,
  currency?: string,
): string {
  if (!surcharging.allowed) return 'Surcharging not allowed for this card on this terminal.'
  const rate = surcharging.percentage !== undefined ? `${surcharging.percentage} %` : 'allowed'
  const sum =
    surcharging.amount !== undefined && amount !== undefined && currency !== undefined
      ? ` (${formatAmount(surcharging.amount, currency)} on ${formatAmount(amount, currency)})`
      : ''
  return `Surcharging allowed: ${rate}${sum}.`
}

export async function binLookup(
  deps: FlowDeps,
  environment: EnvironmentInfo,
  input: BinLookupInput,
): Promise<Result<BinLookupOutcome>> {
  let card: unknown
  const requestTokens: string[] = []
  const budget = new CallBudget()
  if (input.card.type === 'cardBin') card = { type: 'cardBin', bin: input.card.bin }
  else {
    let token = input.card.token
    if (token === undefined) {
      const saved = await fetchSecureToken(
        deps,
        environment,
        {
          profile: input.profile,
          processingTerminalId: input.processingTerminalId,
          secureTokenId: input.card.secureTokenId ?? '',
        },
        budget,
      )
      if (!saved.ok) return saved
      token = saved.value.value.token
    }
    requestTokens.push(token)
    card = { type: 'secureToken', token }
  }
  const body = BinLookupRequest.safeParse({
    processingTerminalId: input.processingTerminalId,
    ...(input.amount !== undefined ? { amount: input.amount } : {}),
    ...(input.currency !== undefined ? { currency: input.currency } : {}),
    card,
  })
  if (!body.success) return err(validationError(body.error, 'The BIN lookup'))
  const answer = await deps.gateways.get(environment, input.profile).call(
    {
      operation: 'card:bin-lookup',
      path: '/cards/bin-lookup',
      idempotent: false,
      body: body.data,
      schema: BinLookupResponse,
      tokensOf: () => [],
      requestTokens,
    },
    { budget },
  )
  if (!answer.ok) return err(flowError(answer.error, 'card'))
  const found = answer.value.value
  const surcharging = {
    allowed: found.surcharging?.allowed ?? false,
    ...(found.surcharging?.amount !== undefined ? { amount: found.surcharging.amount } : {}),
    ...(found.surcharging?.percentage !== undefined ? { percentage: found.surcharging.percentage } : {}),
    ...(found.surcharging?.disclosure !== undefined ? { disclosure: found.surcharging.disclosure } : {}),
  }
  return ok({
    environmentId: environment.id,
    processingTerminalId: input.processingTerminalId,
    cardType: found.type,
    cardNumber: found.cardNumber,
    ...(found.country !== undefined ? { country: found.country } : {}),
    ...(found.currency !== undefined ? { currency: found.currency } : {}),
    ...(found.debit !== undefined ? { debit: found.debit } : {}),
    surcharging,
    verdict: surchargeVerdict(surcharging, input.amount, input.currency ?? found.currency),
    attempts: answer.value.attempts,
    durationMs: answer.value.durationMs,
    journalId: answer.value.journalId,
  })
}

/** The console's source as the gateway takes it (a test card is keyed, plain text). */
function wireSource(source: SingleUseTokenSourceInput): unknown {
  if (source.type !== 'card') return source
  return {
    type: 'card',
    cardDetails: {
      entryMethod: 'keyed',
      keyedData: {
        dataFormat: 'plainText',
        cardNumber: source.cardNumber,
        expiryDate: source.expiryDate,
        ...(source.cvv !== undefined ? { cvv: source.cvv } : {}),
      },
      cardholderName: source.cardholderName,
    },
  }
}

export async function createSingleUseToken(
  deps: FlowDeps,
  environment: EnvironmentInfo,
  input: CreateSingleUseTokenInput,
): Promise<Result<SingleUseTokenCreated>> {
  const started = startFlow()
  const record = {
    kind: 'single-use-token' as const,
    operation: 'single-use-token:create' as const,
    profile: input.profile,
    processingTerminalId: input.processingTerminalId,
    ...started,
  }
  const body = CreateSingleUseTokenBody.safeParse({ channel: 'web', source: wireSource(input.source) })
  if (!body.success) return err(validationError(body.error, 'The single-use token request'))
  const answer = await deps.gateways.get(environment, input.profile).call({
    operation: 'single-use-token:create',
    path: `/processing-terminals/${encodeURIComponent(input.processingTerminalId)}/single-use-tokens`,
    body: body.data,
    schema: SingleUseTokenResponse,
    tokensOf: (created) => [created.token],
  })
  if (!answer.ok) {
    const failed = err(flowError(answer.error, 'card'))
    await recordFlow(deps, environment, record, failed)
    return failed
  }
  const created = answer.value.value
  const source = created.source
  const masked = source.type === 'card' ? source.cardNumber : source.accountNumber
  const value: SingleUseTokenCreated = {
    environmentId: environment.id,
    processingTerminalId: created.processingTerminalId,
    token: created.token,
    expiresAt: created.expiresAt,
    source: {
      type: source.type,
      masked,
      ...(source.type === 'card' && source.cardType !== undefined ? { cardType: source.cardType } : {}),
    },
    idempotencyKey: answer.value.idempotencyKey,
    attempts: answer.value.attempts,
    durationMs: answer.value.durationMs,
    journalId: answer.value.journalId,
  }
  const entry = await recordFlow(
    deps,
    environment,
    {
      ...record,
      sentence: `Single-use token ${maskToken(created.token)} created for ${masked}; valid until ${created.expiresAt}.`,
      tokenSuffix: created.token.slice(-6),
      flow: { paymentMethod: masked },
    },
    ok(value),
  )
  return ok({ ...value, historyId: entry?.id })
}
