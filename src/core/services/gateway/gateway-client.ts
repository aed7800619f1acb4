/**
 * The gateway client for one environment + credential profile: identity exchange behind the token cache, and
 * create-session with idempotent retries. Every HTTP attempt is journaled; every outcome is a Result.
 */
import { randomUUID } from 'node:crypto'
import type {
  CredentialTest,
  JournalAttempt,
  SecureTokenSaved,
  SessionCreated,
} from '../../../shared/contract'
import {
  CreateSessionRequest,
  HostedFieldsSession,
  IdentityResponse,
  SecureToken,
} from '../../../shared/payroc'
import { err, ok, parseWith, type AppError, type Result } from '../../../shared/result'
import { malformedResponse } from './gateway-errors'
import { exchange } from './exchange'
import { hintFor } from '../../hint-catalogue'
import { createHttpClient, DEFAULT_TIMEOUTS, type HttpClient } from './http-client'
import { journalEntry, newJournalId, type CompletedExchange } from '../storage/exchange-journal'
import { decideRetry, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy'
import type { CachedToken } from './token-cache'
import { failureOf, httpDateToIso, identityRejected, retryInputOf, safeJson } from './wire'
import { IdentityFailure, identityRedirectError } from './identity-answer'
import { CallBudget, sleepUnlessAborted } from './time-budget'
import type {
  GatewayCall,
  GatewayDeps,
  IdentityDetails,
  Posted,
  SecureTokenRequest,
  SessionOptions,
} from './gateway-client-types'

export type { GatewayCall, GatewayDeps, SecureTokenRequest, SessionOptions } from './gateway-client-types'

export class GatewayClient {
  readonly cacheKey: string
  private readonly http: HttpClient
  private readonly retry: RetryPolicy
  /** Injected by tests; undefined = a real timer. Either way a cancel ends the wait at once. */
  private readonly sleep: ((ms: number) => Promise<void>) | undefined
  private readonly now: () => number
  private lastIdentity: IdentityDetails | undefined

  constructor(private readonly deps: GatewayDeps) {
    this.cacheKey = `${deps.environment.id}/${deps.profile}`
    this.http = createHttpClient(deps.timeouts ?? DEFAULT_TIMEOUTS)
    this.retry = deps.retry ?? DEFAULT_RETRY_POLICY
    this.sleep = deps.sleep
    this.now = deps.now ?? Date.now
  }

  close(): void {
    this.http.close()
  }

  /**
   * A valid Bearer token: cached, or shared with a fetch in flight, or fetched now. With a `budget` (a create's),
   * the identity call is part of that call's 30 s budget: a cancel or the budget running out ends the wait.
   */
  async bearer(budget?: CallBudget): Promise<Result<CachedToken>> {
    const token = this.deps.tokens.get(this.cacheKey, () => this.fetchToken())
    try {
      if (!budget) return ok(await token)
      // The shared fetch may still reject after this caller stopped waiting: nobody else may be listening.
      token.catch(() => undefined)
      const waited = await budget.within(token)
      return 'value' in waited ? ok(waited.value) : err(waited.error)
    } catch (error) {
      if (error instanceof IdentityFailure) return err(error.error)
      throw error
    }
  }

  /** "Test credentials": always a fresh identity call, whose token then replaces the cached one. */
  async testCredentials(): Promise<Result<CredentialTest>> {
    this.deps.tokens.invalidate(this.cacheKey)
    const token = await this.bearer()
    if (!token.ok) return token
    const details = this.lastIdentity
    if (!details)
      return err({ kind: 'internal', message: 'identity details missing', hint: hintFor('internal') })
    return ok({
      tokenType: details.identity.token_type,
      expiresIn: details.identity.expires_in,
      scope: details.identity.scope,
      durationMs: details.durationMs,
      journalId: details.journalId,
    })
  }

  private async fetchToken(): Promise<{ accessToken: string; expiresInSeconds: number }> {
    const key = await this.deps.apiKey()
    if (!key.ok) throw new IdentityFailure(key.error)
    this.deps.secrets.add(key.value)
    const startedAt = this.now()
    const journalId = newJournalId()
    const url = `${this.deps.environment.identityBase}/authorize`
    const send = (n: number) =>
      exchange(
        this.http.axios,
        {
          method: 'POST',
          url,
          headers: { 'x-api-key': key.value, Accept: 'application/json' },
          deadlineMs: this.http.deadlineMs,
        },
        n,
        this.now,
      )
    const journaled = []
    let { outcome, raw } = await send(1)
    if (outcome.kind === 'transport' && outcome.code === 'ECONNRESET') {
      // A keep-alive socket the server closed while idle: /authorize has no side effect, so one quiet resend.
      journaled.push(this.deps.journal.attempt({ ...raw, retry: { reason: 'connection reset', delayMs: 0 } }))
      ;({ outcome, raw } = await send(2))
    }
    let identity: IdentityResponse | undefined
    let failure: AppError | undefined
    if (outcome.kind === 'transport') {
      failure = { kind: outcome.errorKind, message: outcome.message, hint: outcome.hint }
    } else if (outcome.status < 200 || outcome.status > 299) {
      failure =
        identityRedirectError(outcome.status, outcome.headers, url) ??
        identityRejected(outcome.status, outcome.body)
    } else {
      const parsed = safeJson(outcome.body, IdentityResponse)
      if (parsed.ok) identity = parsed.value
      else failure = malformedResponse(outcome.status, parsed.reason)
    }
    if (identity) this.deps.secrets.add(identity.access_token)
    const durationMs = this.now() - startedAt
    this.record({
      id: journalId,
      operation: 'authorize',
      startedAt,
      durationMs,
      failure,
      status: outcome.kind === 'response' ? outcome.status : undefined,
      attempts: [...journaled, this.deps.journal.attempt(raw)],
    })
    if (!identity)
      throw new IdentityFailure({ ...(failure ?? malformedResponse(0, 'no identity')), journalId })
    this.lastIdentity = { identity, journalId, durationMs }
    this.deps.logger.log('info', 'identity ok', {
      environment: this.deps.environment.id,
      profile: this.deps.profile,
      durationMs,
    })
    return { accessToken: identity.access_token, expiresInSeconds: identity.expires_in }
  }

  /** `options` tune retries for the batch check (which backs off from 429 globally) and let it abort. */
  async createSession(input: unknown, options: SessionOptions = {}): Promise<Result<SessionCreated>> {
    const parsed = parseWith(CreateSessionRequest, input, 'The session request')
    if (!parsed.ok) return parsed
    const request = parsed.value
    const posted = await this.postIdempotent(
      {
        operation: 'create-session',
        url: `${this.apiUrl(request.processingTerminalId)}/hosted-fields-sessions`,
        body: {
          libVersion: request.libVersion,
          scenario: request.scenario,
          ...(request.secureTokenId !== undefined ? { secureTokenId: request.secureTokenId } : {}),
        },
        schema: HostedFieldsSession,
        tokensOf: (session) => [session.token],
      },
      options,
    )
    if (!posted.ok) return posted
    const { value: session, response, ...meta } = posted.value
    this.deps.logger.log('info', 'session created', {
      environment: this.deps.environment.id,
      status: response.status,
      attempts: meta.attempts,
      durationMs: meta.durationMs,
    })
    return ok({
      environmentId: this.deps.environment.id,
      processingTerminalId: session.processingTerminalId,
      scenario: request.scenario,
      libVersion: request.libVersion,
      ...(request.secureTokenId !== undefined ? { secureTokenId: request.secureTokenId } : {}),
      token: session.token,
      expiresAt: session.expiresAt,
      serverDate: httpDateToIso(response.headers['date']),
      receivedAt: new Date(this.now()).toISOString(),
      location: response.headers['location'],
      ...meta,
    })
  }

  /**
   * Save a tokenization session's single-use token as a secure token (`secure-token:create`), or replace the
   * payment details of an existing one with it (`secure-token:update`, update-account). Same Bearer cache,
   * retries with one Idempotency-Key and journal as createSession; both token values stay masked in the journal.
   */
  async secureToken(request: SecureTokenRequest): Promise<Result<SecureTokenSaved>> {
    const source = { type: 'singleUseToken' as const, token: request.singleUseToken }
    const base = `${this.apiUrl(request.processingTerminalId)}/secure-tokens`
    const update = request.operation === 'secure-token:update'
    const posted = await this.postIdempotent({
      operation: request.operation,
      url: update ? `${base}/${encodeURIComponent(request.secureTokenId)}/update-account` : base,
      // update-account takes the payment method itself; create wraps it in `source`.
      body: update
        ? source
        : {
            source,
            ...(request.secureTokenId !== undefined ? { secureTokenId: request.secureTokenId } : {}),
          },
      schema: SecureToken,
      tokensOf: (saved) => [saved.token],
      requestTokens: [request.singleUseToken],
    })
    if (!posted.ok) return posted
    const { value, response: _response, ...meta } = posted.value
    return ok({ ...value, ...meta })
  }

  /**
   * One call of the flows after the form (payments, bank transfers, secure-token management, BIN lookup,
   * single-use tokens): `path` is relative to the API base; the same retries, 30 s budget and journal as a
   * create, with an Idempotency-Key where the spec takes one (`idempotent`, the default).
   */
  async call<T>(spec: GatewayCall<T>, options: SessionOptions = {}): Promise<Result<Posted<T>>> {
    const { path, ...rest } = spec
    return this.postIdempotent({ ...rest, url: `${this.deps.environment.apiBase}${path}` }, options)
  }

  private apiUrl(processingTerminalId: string): string {
    return `${this.deps.environment.apiBase}/processing-terminals/${encodeURIComponent(processingTerminalId)}`
  }

  /**
   * One logical POST: a fresh UUID v4 Idempotency-Key reused on every retry (408, 429, ≥ 500, network), one
   * re-authentication on 401, every attempt journaled under `operation` with `requestTokens` and the answer's
   * tokens masked, the answer parsed with `schema`.
   */
  private async postIdempotent<T>(
    spec: Omit<GatewayCall<T>, 'path'> & { url: string },
    options: SessionOptions = {},
  ): Promise<Result<Posted<T>>> {
    const retryPolicy = options.retry ?? this.retry
    const idempotencyKey = randomUUID()
    const journalId = newJournalId()
    const startedAt = this.now()
    const method = spec.method ?? 'POST'
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body)
    const masked = spec.requestTokens ?? []
    const attempts: JournalAttempt[] = []
    let retriesUsed = 0
    let reauthenticated = false
    const finish = (failure: AppError | undefined, status: number | undefined) => {
      this.record({
        id: journalId,
        operation: spec.operation,
        startedAt,
        durationMs: this.now() - startedAt,
        failure,
        status,
        attempts,
        ...(spec.idempotent === false ? {} : { idempotencyKey }),
      })
    }
    const budget = options.budget ?? new CallBudget({ now: this.now })
    const signal = options.signal ? AbortSignal.any([options.signal, budget.signal]) : budget.signal
    const cancelled = (): Result<never> => {
      // Cancel request (the budget), or the caller's own signal (the batch check's Cancel).
      const error: AppError = budget.cancelled
        ? budget.cancelledError()
        : { kind: 'cancelled', message: 'Cancelled before the gateway answered', hint: hintFor('cancelled') }
      finish(error, undefined)
      return err({ ...error, journalId })
    }
    for (;;) {
      const token = await this.bearer(budget)
      if (budget.cancelled) return cancelled()
      if (!token.ok) {
        if (attempts.length > 0) finish(token.error, undefined)
        return err(token.error)
      }
      const next = budget.nextAttempt(this.http.deadlineMs)
      if ('error' in next) {
        if (attempts.length > 0) finish(next.error, undefined)
        return err(attempts.length > 0 ? { ...next.error, journalId } : next.error)
      }
      const headers: Record<string, string> = {
        Authorization: `Bearer ${token.value.accessToken}`,
        ...(spec.idempotent === false ? {} : { 'Idempotency-Key': idempotencyKey }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        Accept: 'application/json',
      }
      const { outcome, raw } = await exchange(
        this.http.axios,
        {
          method,
          url: spec.url,
          headers,
          body,
          signal,
          deadlineMs: next.deadlineMs,
        },
        attempts.length + 1,
        this.now,
      )
      if (budget.cancelled) {
        // Cancel request won, even over an answer that arrived in the same instant: a session the gateway may
        // have created is discarded (the journal keeps the attempt, its tokens masked), never shown as created.
        const late = outcome.kind === 'response' ? safeJson(outcome.body, spec.schema) : undefined
        attempts.push(
          this.deps.journal.attempt(raw, [...masked, ...(late?.ok ? spec.tokensOf(late.value) : [])]),
        )
        return cancelled()
      }
      if (outcome.kind === 'response' && outcome.status >= 200 && outcome.status <= 299) {
        // 204 No Content (a delete) parses as null.
        const parsed = safeJson(outcome.body.trim() === '' ? 'null' : outcome.body, spec.schema)
        attempts.push(
          this.deps.journal.attempt(raw, [...masked, ...(parsed.ok ? spec.tokensOf(parsed.value) : [])]),
        )
        if (!parsed.ok) {
          const failure = malformedResponse(outcome.status, parsed.reason)
          finish(failure, outcome.status)
          return err({ ...failure, journalId })
        }
        finish(undefined, outcome.status)
        return ok({
          value: parsed.value,
          response: outcome,
          idempotencyKey,
          attempts: attempts.length,
          durationMs: this.now() - startedAt,
          journalId,
        })
      }
      if (outcome.kind === 'response' && outcome.status === 401 && !reauthenticated) {
        // One re-authentication: the cached Bearer may have been revoked or expired early on the gateway's side.
        reauthenticated = true
        this.deps.tokens.invalidate(this.cacheKey, token.value.accessToken)
        attempts.push(
          this.deps.journal.attempt(
            { ...raw, retry: { reason: 'HTTP 401: fetching a new Bearer token', delayMs: 0 } },
            masked,
          ),
        )
        continue
      }
      const decision = decideRetry(retriesUsed + 1, retryInputOf(outcome), retryPolicy, this.now())
      const leaveToCaller =
        options.retryRateLimited === false && outcome.kind === 'response' && outcome.status === 429
      if (decision.retry && !leaveToCaller && !signal.aborted) {
        // The wait (a clamped Retry-After or the backoff) must fit the call's budget, or the call stops now.
        const rateLimited = outcome.kind === 'response' && outcome.status === 429
        const plan = budget.planWait(
          decision.delayMs,
          rateLimited ? 'the gateway (Retry-After)' : 'the backoff',
        )
        if (!plan.wait) {
          attempts.push(this.deps.journal.attempt(raw, masked))
          finish(plan.error, outcome.kind === 'response' ? outcome.status : undefined)
          return err({ ...plan.error, journalId })
        }
        retriesUsed += 1
        attempts.push(
          this.deps.journal.attempt(
            { ...raw, retry: { reason: decision.reason, delayMs: plan.delayMs } },
            masked,
          ),
        )
        if ((await sleepUnlessAborted(plan.delayMs, signal, this.sleep)) === 'cancelled') return cancelled()
        continue
      }
      attempts.push(this.deps.journal.attempt(raw, masked))
      const failure = failureOf(outcome)
      finish(failure, outcome.kind === 'response' ? outcome.status : undefined)
      return err({ ...failure, journalId })
    }
  }

  private record(entry: Omit<CompletedExchange, 'environmentId' | 'profile'>): void {
    this.deps.journal.add(
      journalEntry({ ...entry, environmentId: this.deps.environment.id, profile: this.deps.profile }),
    )
  }
}
