/**
 * RFC 7807 problem details in Payroc's shape (PAYROC.md "Errors"): `type` is
 * https://docs.payroc.com/api/errors#<fragment>, plus `title`, `status`, `detail` and the extras per status
 * (400/500: errors[]; 403: instance + resource; 409: instance + errors[] + link).
 */
import { problemType, type ProblemDetails, type ProblemError } from '../shared/payroc'

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'

/** What a handler answers; the server writes it (adding Date, Content-Length, fault effects). */
export interface Reply {
  status: number
  contentType: string
  body: string
  headers?: Record<string, string>
}

export const json = (status: number, value: unknown, headers?: Record<string, string>): Reply => ({
  status,
  contentType: JSON_CONTENT_TYPE,
  body: JSON.stringify(value),
  ...(headers ? { headers } : {}),
})

export const problemReply = (problem: ProblemDetails, headers?: Record<string, string>): Reply => ({
  status: problem.status,
  contentType: PROBLEM_CONTENT_TYPE,
  body: JSON.stringify(problem),
  ...(headers ? { headers } : {}),
})

const TITLES: Record<number, [fragment: string, title: string, detail: string]> = {
  400: ['bad-request', 'Bad Request', 'One or more validation errors occurred.'],
  401: ['not-authorized', 'Unauthorized', 'The request is unauthorised, please check your credentials.'],
  403: ['forbidden', 'Forbidden', 'You do not have permission to access this resource.'],
  404: ['not-found', 'Not Found', 'The requested resource was not found.'],
  405: ['method-not-allowed', 'Method Not Allowed', 'The request method is not supported by this resource.'],
  406: ['not-acceptable', 'Not Acceptable', 'The Accept header must allow application/json.'],
  408: ['request-timeout', 'Request Timeout', 'The request took too long to arrive.'],
  409: ['conflict', 'Conflict', 'The request conflicts with the current state of the resource.'],
  413: ['payload-too-large', 'Payload Too Large', 'The request body must not exceed 64 KB.'],
  415: ['unsupported-media-type', 'Unsupported Media Type', 'The Content-Type must be application/json.'],
  429: [
    'too-many-requests',
    'Too Many Requests',
    'Too many requests; retry after the time given in Retry-After.',
  ],
  431: [
    'request-header-fields-too-large',
    'Request Header Fields Too Large',
    'The request headers are too large.',
  ],
  500: ['api-error', 'Internal Server Error', 'An unexpected error occurred.'],
  502: ['bad-gateway', 'Bad Gateway', 'An upstream service failed.'],
  503: ['service-unavailable', 'Service Unavailable', 'The service is temporarily unavailable.'],
  504: ['gateway-timeout', 'Gateway Timeout', 'An upstream service timed out.'],
}

/** A default problem body for any status, in Payroc's shape (500s carry errors[] with a message). */
export function defaultProblem(status: number, detail?: string): ProblemDetails {
  const known = TITLES[status]
  const [fragment, title, defaultDetail] = known ?? [
    status >= 500 ? 'api-error' : 'bad-request',
    status >= 500 ? 'Internal Server Error' : 'Bad Request',
    status >= 500 ? 'An unexpected error occurred.' : 'The request could not be processed.',
  ]
  const problem: ProblemDetails = {
    type: problemType(fragment),
    title,
    status,
    detail: detail ?? defaultDetail,
  }
  if (status >= 500) problem.errors = [{ message: detail ?? defaultDetail }]
  if (status === 400) problem.errors = []
  return problem
}

export const problem = (status: number, detail?: string, headers?: Record<string, string>): Reply =>
  problemReply(defaultProblem(status, detail), headers)

export function validationProblem(errors: ProblemError[]): Reply {
  return problemReply({
    type: problemType('bad-request'),
    title: 'Bad Request',
    status: 400,
    detail: 'One or more validation errors occurred.',
    errors,
  })
}

export const idempotencyKeyMissing = (): Reply =>
  problemReply({
    type: problemType('idempotency-key-missing'),
    title: 'Idempotency key missing',
    status: 400,
    detail: 'The Idempotency-Key header is required for this request.',
    errors: [
      {
        parameter: 'Idempotency-Key',
        detail: 'Idempotency-Key is required',
        message: 'Send a new UUID v4 in the Idempotency-Key header.',
      },
    ],
  })

export const idempotencyKeyInvalid = (): Reply =>
  validationProblem([
    {
      parameter: 'Idempotency-Key',
      detail: 'Idempotency-Key must be a UUID v4',
      message: 'The Idempotency-Key header must be a UUID v4, e.g. 6b3f8a2e-4c1d-4e5f-9a7b-0c1d2e3f4a5b.',
    },
  ])

export const idempotencyKeyInUse = (instance: string, originalMethod: string, originalUri: string): Reply =>
  problemReply({
    type: problemType('idempotency-key-in-use'),
    title: 'Idempotency key in use',
    status: 409,
    detail: 'The Idempotency-Key has already been used for a request with a different URI or body.',
    instance,
    errors: [
      {
        parameter: 'Idempotency-Key',
        detail: 'Idempotency-Key already used',
        message:
          'Send a new Idempotency-Key for a different request, or resend the original request unchanged.',
      },
    ],
    link: { rel: 'previous', method: originalMethod, href: originalUri },
  })

export const forbidden = (instance: string, resource: string, detail?: string): Reply =>
  problemReply({
    type: problemType('forbidden'),
    title: 'Forbidden',
    status: 403,
    detail: detail ?? 'You do not have permission to access this resource.',
    instance,
    resource,
  })

export const notAuthorized = (detail: string): Reply =>
  problem(401, detail, { 'WWW-Authenticate': 'Bearer error="invalid_token"' })
