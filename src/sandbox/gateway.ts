/**
 * The Payroc-compatible routes: identity, hosted-fields sessions, secure tokens, and the single-use-token
 * endpoint the simulated Hosted Fields library calls. Each handler follows the order of checks pinned in
 * INTERFACES.md and returns a Reply; the server adds Date, Content-Length, faults and the journal.
 */
import type { IncomingMessage } from 'node:http'
import { z } from 'zod'
import {
  CreateSecureTokenBody,
  CreateSessionBody,
  ProcessingTerminalId,
  SecureTokenId,
  UpdateAccountBody,
  UUID_V4_PATTERN,
  type ProblemError,
} from '../shared/payroc'
import { acceptsJson, decodeSegment, isJsonContentType } from './http'
import {
  forbidden,
  idempotencyKeyInUse,
  idempotencyKeyInvalid,
  idempotencyKeyMissing,
  json,
  notAuthorized,
  problem,
  validationProblem,
  type Reply,
} from './problems'
import { newToken, SandboxInputError, type SandboxState, type SecureTokenRecord } from './state'

/** What a gateway handler knows about the request. */
export interface RequestContext {
  req: IncomingMessage
  method: string
  /** Path without the query. */
  path: string
  /** Path with the query, as sent: the "URI" idempotency compares. */
  uri: string
  query: string
  body: string
  /** Set once the configured latency has been waited out (inside the idempotency section). */
  latencyDone: boolean
}

export interface Caller {
  apiKey: string
  apiKeyId: string
}

interface SessionReplay {
  token: string
  processingTerminalId: string
  expiresAt: number
}

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i

export class Gateway {
  constructor(
    private readonly state: SandboxState,
    private readonly baseUrl: () => string,
  ) {}

  // ---- shared checks -------------------------------------------------------------------------------------

  /** 401 for a missing, malformed, unknown or expired Bearer token. */
  authenticate(req: IncomingMessage): Caller | Reply {
    const header = req.headers.authorization
    if (header === undefined || header === '') return notAuthorized('The Authorization header is missing.')
    const match = BEARER.exec(header)
    if (!match || match[1] === undefined) {
      return notAuthorized('The Authorization header must be "Bearer <access token>".')
    }
    const record = this.state.accessTokens.peek(match[1])
    if (!record) return notAuthorized('The access token is not valid.')
    if (record.expiresAt <= this.state.now()) {
      this.state.accessTokens.delete(match[1])
      return notAuthorized('The access token has expired.')
    }
    return { apiKey: record.apiKey, apiKeyId: record.apiKeyId }
  }

  /** 415 then 406, for routes that take a JSON body. */
  private mediaChecks(req: IncomingMessage, needsBody: boolean): Reply | undefined {
    if (needsBody && !isJsonContentType(req.headers['content-type'])) {
      return problem(415, 'The Content-Type must be application/json.')
    }
    if (!acceptsJson(req.headers.accept)) return problem(406)
    return undefined
  }

  /** 400 #idempotency-key-missing, or 400 when it is not a UUID v4. */
  private idempotencyKey(req: IncomingMessage): string | Reply {
    const raw = req.headers['idempotency-key']
    const value = (Array.isArray(raw) ? raw.join(',') : (raw ?? '')).trim()
    if (value === '') return idempotencyKeyMissing()
    if (!UUID_V4_PATTERN.test(value)) return idempotencyKeyInvalid()
    return value.toLowerCase()
  }

  /** The checks a read starts with, in order: 401 (Bearer), then 406. */
  private readChecks(ctx: RequestContext): Caller | Reply {
    const caller = this.authenticate(ctx.req)
    if ('status' in caller) return caller
    return this.mediaChecks(ctx.req, false) ?? caller
  }

  /** The checks a write starts with, in order: 401 (Bearer), 415 then 406, then the Idempotency-Key. */
  private writeChecks(ctx: RequestContext): { caller: Caller; key: string } | Reply {
    const caller = this.authenticate(ctx.req)
    if ('status' in caller) return caller
    const media = this.mediaChecks(ctx.req, true)
    if (media) return media
    const key = this.idempotencyKey(ctx.req)
    if (typeof key !== 'string') return key
    return { caller, key }
  }

  private async waitLatency(ctx: RequestContext): Promise<void> {
    ctx.latencyDone = true
    const ms = this.state.config.latencyMs
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms))
  }

  /** Applies the configured latency if the handler has not already. */
  async finishLatency(ctx: RequestContext): Promise<void> {
    if (!ctx.latencyDone) await this.waitLatency(ctx)
  }

  /**
   * Idempotency (INTERFACES.md): keys scoped to the API key; same key + same URI + same body → the stored
   * answer; different URI or body → 409; a duplicate in flight waits for the first; only 2xx is stored.
   */
  private async idempotent(
    ctx: RequestContext,
    caller: Caller,
    key: string,
    produce: () => Reply & { session?: SessionReplay },
  ): Promise<Reply> {
    const scoped = `${caller.apiKeyId} ${key}`
    for (;;) {
      const stored = this.state.idempotency.get(scoped)
      if (stored) {
        if (stored.uri !== ctx.uri || stored.method !== ctx.method || !sameBody(stored.body, ctx.body)) {
          return idempotencyKeyInUse(ctx.uri, stored.method, stored.uri)
        }
        this.state.counters.idempotentReplays++
        if (stored.session) return this.sessionReply(stored.session)
        return stored.reply ?? problem(500)
      }
      const pending = this.state.inFlight.get(scoped)
      if (!pending) break
      if (pending.uri !== ctx.uri || pending.method !== ctx.method || !sameBody(pending.body, ctx.body)) {
        return idempotencyKeyInUse(ctx.uri, pending.method, pending.uri)
      }
      await pending.done
    }
    let release!: () => void
    const done = new Promise<void>((resolve) => (release = resolve))
    this.state.inFlight.set(scoped, { method: ctx.method, uri: ctx.uri, body: ctx.body, done })
    try {
      const reply = produce()
      await this.waitLatency(ctx)
      if (reply.status >= 200 && reply.status < 300) {
        const expiresAt = this.state.now() + this.state.config.idempotencyTtlSeconds * 1000
        // Sessions are stored compactly (three fields, not the whole answer): memory matters at 200,000 keys.
        this.state.idempotency.set(
          scoped,
          reply.session
            ? { method: ctx.method, uri: ctx.uri, body: ctx.body, session: reply.session, expiresAt }
            : { method: ctx.method, uri: ctx.uri, body: ctx.body, reply, expiresAt },
        )
      }
      return reply
    } finally {
      this.state.inFlight.delete(scoped)
      release()
    }
  }

  // ---- identity ------------------------------------------------------------------------------------------

  authorize(ctx: RequestContext): Reply {
    const raw = ctx.req.headers['x-api-key']
    const apiKey = typeof raw === 'string' ? raw.trim() : ''
    if (apiKey === '') return problem(401, 'The x-api-key header is missing.')
    const issued = this.state.issueAccessToken(apiKey)
    if (!issued) return problem(401, 'The API key is not valid.')
    return json(200, {
      access_token: issued.accessToken,
      token_type: 'Bearer',
      expires_in: Math.max(1, Math.round(this.state.config.tokenTtlSeconds)),
      scope: 'hosted-fields-sessions secure-tokens',
    })
  }

  // ---- hosted-fields sessions ----------------------------------------------------------------------------

  async createSession(ctx: RequestContext, rawTerminalId: string): Promise<Reply> {
    const checked = this.writeChecks(ctx)
    if ('status' in checked) return checked
    const { caller, key } = checked

    const errors: ProblemError[] = []
    const terminalId = checkTerminalId(rawTerminalId, errors)
    const body = parseBody(ctx.body, CreateSessionBody, errors)
    if (errors.length > 0 || terminalId === undefined || body === undefined) return validationProblem(errors)

    return this.idempotent(ctx, caller, key, () => {
      const terminal = this.state.terminalFor(terminalId, caller.apiKey)
      if (!terminal || (body.scenario === 'payment' && !terminal.payment)) {
        return forbidden(ctx.path, terminalResource(terminalId))
      }
      const session = this.state.createSession({
        processingTerminalId: terminalId,
        scenario: body.scenario,
        libVersion: body.libVersion,
        apiKeyId: caller.apiKeyId,
        ...(body.secureTokenId !== undefined ? { secureTokenId: body.secureTokenId } : {}),
      })
      return this.sessionReply(session)
    })
  }

  /** The 201 answer for a created session (also rebuilt from the compact idempotency record on replay). */
  private sessionReply(session: SessionReplay): Reply & { session: SessionReplay } {
    const { token, processingTerminalId, expiresAt } = session
    const location = `${this.baseUrl()}/v1/processing-terminals/${encodeURIComponent(processingTerminalId)}/hosted-fields-sessions/${token}`
    return {
      ...json(
        201,
        { processingTerminalId, token, expiresAt: new Date(expiresAt).toISOString() },
        { Location: location },
      ),
      session: { token, processingTerminalId, expiresAt },
    }
  }

  /** GET on the Location of a created session (not a documented Payroc call; handy for clients and tests). */
  getSession(ctx: RequestContext, rawTerminalId: string, rawToken: string): Reply {
    const caller = this.readChecks(ctx)
    if ('status' in caller) return caller
    const errors: ProblemError[] = []
    const terminalId = checkTerminalId(rawTerminalId, errors)
    if (terminalId === undefined) return validationProblem(errors)
    if (!this.state.terminalFor(terminalId, caller.apiKey))
      return forbidden(ctx.path, terminalResource(terminalId))
    const session = this.state.findSession(decodeSegment(rawToken) ?? '')
    if (!session || session.processingTerminalId !== terminalId || session.apiKeyId !== caller.apiKeyId) {
      return problem(404, 'No live session has this token.')
    }
    return json(200, {
      processingTerminalId: session.processingTerminalId,
      token: session.token,
      expiresAt: new Date(session.expiresAt).toISOString(),
    })
  }

  // ---- secure tokens -------------------------------------------------------------------------------------

  async createSecureToken(ctx: RequestContext, rawTerminalId: string): Promise<Reply> {
    const checked = this.writeChecks(ctx)
    if ('status' in checked) return checked
    const { caller, key } = checked
    const errors: ProblemError[] = []
    const terminalId = checkTerminalId(rawTerminalId, errors)
    const body = parseBody(ctx.body, CreateSecureTokenBody, errors)
    if (errors.length > 0 || terminalId === undefined || body === undefined) return validationProblem(errors)

    return this.idempotent(ctx, caller, key, () => {
      const denied = this.secureTokenTerminal(ctx, terminalId, caller)
      if (denied) return denied
      const secureTokenId = body.secureTokenId
      if (secureTokenId !== undefined && this.findSecureToken(terminalId, secureTokenId, caller)) {
        return problem(409, `A secure token with secureTokenId ${secureTokenId} already exists.`)
      }
      return answeringInputErrors(() => {
        const single = this.state.consumeSingleUseToken(body.source.token, terminalId)
        const id = secureTokenId ?? single.secureTokenId ?? `MREF_${newToken().slice(0, 24)}`
        if (this.findSecureToken(terminalId, id, caller)) {
          return problem(409, `A secure token with secureTokenId ${id} already exists.`)
        }
        const now = this.state.now()
        const record: SecureTokenRecord = {
          secureTokenId: id,
          processingTerminalId: terminalId,
          token: randomDigits(16),
          source: { ...single.source },
          apiKeyId: caller.apiKeyId,
          createdAt: now,
          updatedAt: now,
          expiresAt: Number.POSITIVE_INFINITY,
        }
        if (body.mitAgreement !== undefined) record.mitAgreement = body.mitAgreement
        this.state.secureTokens.set(this.state.secureTokenKey(terminalId, id), record)
        this.state.counters.secureTokensCreated++
        const location = `${this.baseUrl()}/v1/processing-terminals/${encodeURIComponent(terminalId)}/secure-tokens/${encodeURIComponent(id)}`
        return json(201, secureTokenBody(record), { Location: location })
      })
    })
  }

  getSecureToken(ctx: RequestContext, rawTerminalId: string, rawSecureTokenId: string): Reply {
    const caller = this.readChecks(ctx)
    if ('status' in caller) return caller
    const errors: ProblemError[] = []
    const terminalId = checkTerminalId(rawTerminalId, errors)
    const secureTokenId = checkSecureTokenId(rawSecureTokenId, errors)
    if (errors.length > 0 || terminalId === undefined || secureTokenId === undefined) {
      return validationProblem(errors)
    }
    const denied = this.secureTokenTerminal(ctx, terminalId, caller)
    if (denied) return denied
    const record = this.findSecureToken(terminalId, secureTokenId, caller)
    if (!record) return problem(404, `No secure token with secureTokenId ${secureTokenId}.`)
    return json(200, secureTokenBody(record))
  }

  async updateAccount(ctx: RequestContext, rawTerminalId: string, rawSecureTokenId: string): Promise<Reply> {
    const checked = this.writeChecks(ctx)
    if ('status' in checked) return checked
    const { caller, key } = checked
    const errors: ProblemError[] = []
    const terminalId = checkTerminalId(rawTerminalId, errors)
    const secureTokenId = checkSecureTokenId(rawSecureTokenId, errors)
    const body = parseBody(ctx.body, UpdateAccountBody, errors)
    if (errors.length > 0 || terminalId === undefined || secureTokenId === undefined || body === undefined) {
      return validationProblem(errors)
    }
    return this.idempotent(ctx, caller, key, () => {
      const denied = this.secureTokenTerminal(ctx, terminalId, caller)
      if (denied) return denied
      const record = this.findSecureToken(terminalId, secureTokenId, caller)
      if (!record) return problem(404, `No secure token with secureTokenId ${secureTokenId}.`)
      return answeringInputErrors(() => {
        const single = this.state.consumeSingleUseToken(body.token, terminalId)
        record.source = { ...single.source }
        record.updatedAt = this.state.now()
        this.state.counters.secureTokensUpdated++
        return json(200, secureTokenBody(record))
      })
    })
  }

  private secureTokenTerminal(ctx: RequestContext, terminalId: string, caller: Caller): Reply | undefined {
    const terminal = this.state.terminalFor(terminalId, caller.apiKey)
    if (!terminal) return forbidden(ctx.path, terminalResource(terminalId))
    if (!terminal.tokenization) {
      return forbidden(
        ctx.path,
        terminalResource(terminalId),
        'Secure tokens are not enabled for this processing terminal.',
      )
    }
    return undefined
  }

  private findSecureToken(
    terminalId: string,
    secureTokenId: string,
    caller: Caller,
  ): SecureTokenRecord | undefined {
    const record = this.state.secureTokens.get(this.state.secureTokenKey(terminalId, secureTokenId))
    return record && record.apiKeyId === caller.apiKeyId ? record : undefined
  }

  // ---- the simulated library's submit --------------------------------------------------------------------

  issueSingleUseToken(ctx: RequestContext): Reply {
    const media = this.mediaChecks(ctx.req, true)
    if (media) return media
    const errors: ProblemError[] = []
    const body = parseBody(ctx.body, SingleUseTokenRequest, errors)
    if (errors.length > 0 || body === undefined) return validationProblem(errors)
    return answeringInputErrors(() => {
      const issued = this.state.issueSingleUseToken({
        sessionToken: body.sessionToken,
        card: {
          cardholderName: body.cardholderName,
          cardNumber: body.cardNumber,
          expiryDate: body.expiryDate,
        },
      })
      return json(201, issued)
    })
  }
}

/** Body of POST /hosted-fields/single-use-tokens (the simulated library's submit). */
export const SingleUseTokenRequest = z.object({
  sessionToken: z.string({ error: 'sessionToken must be a string' }).min(1).max(200),
  cardholderName: z.string({ error: 'cardholderName must be a string' }).max(200),
  cardNumber: z.string({ error: 'cardNumber must be a string' }).max(40),
  expiryDate: z.string({ error: 'expiryDate must be a string' }).max(10),
  cvv: z
    .string({ error: 'cvv must be a string' })
    .regex(/^\d{3,4}$/, { error: 'cvv must be 3 or 4 digits' })
    .optional(),
})

/** Runs a state change, answering the SandboxInputError it throws (card, token) with 400 problem details. */
function answeringInputErrors(run: () => Reply): Reply {
  try {
    return run()
  } catch (error) {
    if (error instanceof SandboxInputError) return validationProblem(error.errors)
    throw error
  }
}

function terminalResource(terminalId: string): string {
  return `processing-terminals/${terminalId}`
}

function secureTokenBody(record: SecureTokenRecord) {
  return {
    secureTokenId: record.secureTokenId,
    processingTerminalId: record.processingTerminalId,
    token: record.token,
    source: record.source,
    ...(record.mitAgreement !== undefined ? { mitAgreement: record.mitAgreement } : {}),
  }
}

function randomDigits(count: number): string {
  let out = ''
  while (out.length < count) out += Math.floor(Math.random() * 1e9).toString()
  return out.slice(0, count)
}

function checkTerminalId(raw: string, errors: ProblemError[]): string | undefined {
  const decoded = decodeSegment(raw)
  if (decoded === undefined) {
    errors.push({
      parameter: 'processingTerminalId',
      detail: 'processingTerminalId is not a valid URL path segment',
      message: 'Invalid processingTerminalId',
    })
    return undefined
  }
  const result = ProcessingTerminalId.safeParse(decoded)
  if (result.success) return result.data
  for (const issue of result.error.issues) {
    errors.push({
      parameter: 'processingTerminalId',
      detail: issue.message,
      message: 'Invalid processingTerminalId',
    })
  }
  return undefined
}

function checkSecureTokenId(raw: string, errors: ProblemError[]): string | undefined {
  const decoded = decodeSegment(raw)
  const result = SecureTokenId.safeParse(decoded ?? '')
  if (decoded !== undefined && result.success) return result.data
  errors.push({
    parameter: 'secureTokenId',
    detail: result.success
      ? 'secureTokenId is not a valid URL path segment'
      : (result.error.issues[0]?.message ?? ''),
    message: 'Invalid secureTokenId',
  })
  return undefined
}

/** Parses JSON then the schema; each problem becomes an errors[] item naming its parameter. */
function parseBody<T>(text: string, schema: z.ZodType<T>, errors: ProblemError[]): T | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    errors.push({
      parameter: 'body',
      detail:
        text.trim() === ''
          ? 'The request body is empty; send a JSON object.'
          : 'The request body is not valid JSON.',
      message: 'Malformed JSON body',
    })
    return undefined
  }
  const result = schema.safeParse(value)
  if (result.success) return result.data
  for (const issue of result.error.issues) {
    const parameter = issue.path.length > 0 ? issue.path.map(String).join('.') : 'body'
    errors.push({ parameter, detail: issue.message, message: `Invalid ${parameter}` })
  }
  return undefined
}

/** Same body for idempotency: the same bytes, or the same JSON value (key order and whitespace ignored). */
function sameBody(a: string, b: string): boolean {
  if (a === b) return true
  try {
    return canonical(JSON.parse(a)) === canonical(JSON.parse(b))
  } catch {
    return false
  }
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value)
}
