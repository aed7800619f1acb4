/**
 * Hosted-fields sessions: POST …/hosted-fields-sessions (checks in INTERFACES.md order, idempotent, 201 +
 * Location) and GET on that Location (not a documented Payroc call; handy for clients and tests).
 */
import { CreateSessionBody, type ProblemError } from '../../shared/payroc'
import { json, problem, validationProblem, type Reply } from '../problem-replies'
import { decodeSegment } from '../sandbox-http'
import type { SandboxRoute, SandboxRouteRequest } from '../sandbox-types'
import { checkTerminalId, parseBody, readChecks, terminalForbidden, writeChecks } from './gateway-checks'
import { idempotent, type SessionReplay } from './idempotent-replay'

/** The 201 answer for a created session (also rebuilt from the compact idempotency record on replay). */
function sessionReply(baseUrl: string, session: SessionReplay): Reply & { session: SessionReplay } {
  const { token, processingTerminalId, expiresAt } = session
  const location = `${baseUrl}/v1/processing-terminals/${encodeURIComponent(processingTerminalId)}/hosted-fields-sessions/${token}`
  return {
    ...json(
      201,
      { processingTerminalId, token, expiresAt: new Date(expiresAt).toISOString() },
      { Location: location },
    ),
    session: { token, processingTerminalId, expiresAt },
  }
}

const replaySession = (ctx: SandboxRouteRequest, session: SessionReplay): Reply =>
  sessionReply(ctx.sandbox.url, session)

async function createSession(ctx: SandboxRouteRequest): Promise<Reply> {
  const checked = writeChecks(ctx)
  if ('status' in checked) return checked
  const { caller, key } = checked
  const { state } = ctx
  const baseUrl = ctx.sandbox.url

  const errors: ProblemError[] = []
  const terminalId = checkTerminalId(ctx.params[0] ?? '', errors)
  const body = parseBody(ctx.body, CreateSessionBody, errors)
  if (errors.length > 0 || terminalId === undefined || body === undefined) return validationProblem(errors)

  return idempotent(
    ctx,
    caller,
    key,
    () => {
      const terminal = state.terminalFor(terminalId, caller.apiKey)
      if (!terminal || (body.scenario === 'payment' && !terminal.payment)) {
        return terminalForbidden(ctx, terminalId)
      }
      const session = state.createSession({
        processingTerminalId: terminalId,
        scenario: body.scenario,
        libVersion: body.libVersion,
        apiKeyId: caller.apiKeyId,
        ...(body.secureTokenId !== undefined ? { secureTokenId: body.secureTokenId } : {}),
      })
      return sessionReply(baseUrl, session)
    },
    replaySession,
  )
}

function getSession(ctx: SandboxRouteRequest): Reply {
  const caller = readChecks(ctx)
  if ('status' in caller) return caller
  const errors: ProblemError[] = []
  const terminalId = checkTerminalId(ctx.params[0] ?? '', errors)
  if (terminalId === undefined) return validationProblem(errors)
  if (!ctx.state.terminalFor(terminalId, caller.apiKey)) return terminalForbidden(ctx, terminalId)
  const session = ctx.state.findSession(decodeSegment(ctx.params[1] ?? '') ?? '')
  if (!session || session.processingTerminalId !== terminalId || session.apiKeyId !== caller.apiKeyId) {
    return problem(404, 'No live session has this token.')
  }
  return json(200, {
    processingTerminalId: session.processingTerminalId,
    token: session.token,
    expiresAt: new Date(session.expiresAt).toISOString(),
  })
}

export const sessionRoutes: readonly SandboxRoute[] = [
  {
    method: 'POST',
    path: /^\/v1\/processing-terminals\/([^/]*)\/hosted-fields-sessions$/,
    group: 'sessions',
    handle: createSession,
  },
  {
    method: 'GET',
    path: /^\/v1\/processing-terminals\/([^/]*)\/hosted-fields-sessions\/([^/]*)$/,
    group: 'sessions',
    handle: getSession,
  },
]
