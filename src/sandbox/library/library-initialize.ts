/**
 * POST /hosted-fields/sessions/initialize — what the simulated library's initialize() asks the gateway:
 * `{sessionToken, libVersion, mode, instanceId}` → 200 `{instanceId, processingTerminalId, mode, expiresAt,
 * surcharging}` or a problem whose `detail` is the init error message the library emits. A failed initialisation
 * does not bind the token, so the same page may retry once the cause is fixed.
 */
import { z } from 'zod'
import { LIB_VERSION_PATTERN, problemType } from '../../shared/payroc'
import { json, problemReply, validationProblem, type Reply } from '../problem-replies'
import type { SandboxState } from '../state/sandbox-state'

export const INSTANCE_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/

export const InitializeBody = z.object({
  sessionToken: z.string({ error: 'sessionToken must be a string' }).min(1).max(200),
  libVersion: z.string({ error: 'libVersion must be a string' }).regex(LIB_VERSION_PATTERN, {
    error: 'libVersion must look like 1.7.0.261457',
  }),
  mode: z.enum(['payment', 'tokenization'], { error: "mode must be 'payment' or 'tokenization'" }),
  instanceId: z.string({ error: 'instanceId must be a string' }).regex(INSTANCE_ID_PATTERN, {
    error: 'instanceId must be 8 to 64 letters, digits, _ or -',
  }),
})

/** The init error messages (the test page maps them to hints; keep them stable). */
export const INIT_MESSAGES = {
  invalidToken: 'The provided session token is invalid.',
  expiredToken: 'The provided session token has expired. Create a new session.',
  alreadyUsed:
    'The provided session token has already been used by another Hosted Fields instance. Create a new session for each form.',
  libVersion: (loaded: string, session: string) =>
    `Invalid libVersion ${loaded}: the session was created for libVersion ${session}. Load hosted-fields-${session}.js or create the session with libVersion ${loaded}.`,
  mode: (mode: string, scenario: string) =>
    `The mode '${mode}' does not match the session's scenario '${scenario}'.`,
  secureTokens: (terminal: string) =>
    `Secure tokens are not enabled for processing terminal ${terminal}, so Hosted Fields cannot run in tokenization mode.`,
} as const

export const SURCHARGE_DISCLOSURE = (percentage: number) =>
  `A surcharge of ${percentage}% applies to payments with this card; it is not greater than the cost of acceptance.`

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Cache-Control': 'no-store',
}

export const INITIALIZE_PREFLIGHT_HEADERS: Record<string, string> = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': 'POST',
  'Access-Control-Allow-Headers': 'Content-Type, Accept',
  'Access-Control-Max-Age': '600',
}

const INIT_INSTANCE = '/hosted-fields/sessions/initialize'

const fail = (
  status: number,
  fragment: string,
  title: string,
  detail: string,
  parameter: string,
  extras: Record<string, unknown> = {},
): Reply =>
  problemReply(
    {
      type: problemType(fragment),
      title,
      status,
      detail,
      ...(status === 403
        ? { instance: INIT_INSTANCE, resource: 'hosted-fields-sessions' }
        : { errors: [{ parameter, detail, message: title }] }),
      ...extras,
    },
    CORS_HEADERS,
  )

export function initializeSession(state: SandboxState, rawBody: string): Reply {
  let parsed: unknown
  try {
    parsed = JSON.parse(rawBody)
  } catch {
    return withCors(validationProblem([{ parameter: 'body', detail: 'The body must be JSON.' }]))
  }
  const result = InitializeBody.safeParse(parsed)
  if (!result.success) {
    return withCors(
      validationProblem(
        result.error.issues.map((issue) => ({
          parameter: issue.path.join('.') || 'body',
          detail: issue.message,
          message: 'Invalid initialisation request',
        })),
      ),
    )
  }
  const body = result.data
  const found = state.lookupSession(body.sessionToken)
  if (found.status !== 'ok') {
    const detail = found.status === 'expired' ? INIT_MESSAGES.expiredToken : INIT_MESSAGES.invalidToken
    return fail(401, 'not-authorized', 'Unauthorized', detail, 'sessionToken')
  }
  const session = found.session
  if (session.libVersion !== body.libVersion) {
    const detail = INIT_MESSAGES.libVersion(body.libVersion, session.libVersion)
    return fail(400, 'bad-request', 'Bad Request', detail, 'libVersion')
  }
  if (session.scenario !== body.mode) {
    return fail(400, 'bad-request', 'Bad Request', INIT_MESSAGES.mode(body.mode, session.scenario), 'mode')
  }
  const terminal = state.terminals.get(session.processingTerminalId)
  if (body.mode === 'tokenization' && !terminal?.tokenization) {
    const detail = INIT_MESSAGES.secureTokens(session.processingTerminalId)
    return fail(403, 'forbidden', 'Forbidden', detail, 'mode')
  }
  const bound = state.markSessionInitialized(body.sessionToken, body.instanceId)
  if (bound.status === 'already-used') {
    // Payroc's 409 shape; the link says what to do instead: create a new session.
    return fail(409, 'conflict', 'Conflict', INIT_MESSAGES.alreadyUsed, 'sessionToken', {
      instance: INIT_INSTANCE,
      link: {
        rel: 'create-session',
        method: 'POST',
        href: `/v1/processing-terminals/${session.processingTerminalId}/hosted-fields-sessions`,
      },
    })
  }
  if (bound.status !== 'ok') {
    return fail(401, 'not-authorized', 'Unauthorized', INIT_MESSAGES.expiredToken, 'sessionToken')
  }
  const percentage = terminal?.surchargePercentage
  return json(
    200,
    {
      instanceId: body.instanceId,
      processingTerminalId: session.processingTerminalId,
      mode: body.mode,
      expiresAt: new Date(session.expiresAt).toISOString(),
      surcharging:
        percentage !== undefined && percentage > 0
          ? { allowed: true, percentage, disclosure: SURCHARGE_DISCLOSURE(percentage) }
          : { allowed: false },
    },
    CORS_HEADERS,
  )
}

function withCors(reply: Reply): Reply {
  return { ...reply, headers: { ...reply.headers, ...CORS_HEADERS } }
}
