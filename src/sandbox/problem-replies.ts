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

/**
 * Fragment, title and default detail per status. 400, 401, 403, 404, 406, 409, 413, 415 and 500 are the pairs
 * (and detail texts) of the examples in Payroc's OpenAPI spec — titles are sentence case there, and the real
 * Hosted Fields library compares titles literally. 405, 408, 429, 431 and 502–504 have no example in the
 * spec: same style, unconfirmed (src/sandbox/README.md).
 */
const TITLES: Record<number, [fragment: string, title: string, detail: string]> = {
  400: [
    'bad-request',
    'Bad request',
    'One or more validation errors occurred, see error section for more info',
  ],
  401: ['not-authorized', 'Not Authorized', 'Your identity could not be verified'],
  403: ['forbidden', 'Forbidden', 'You do not have the required permissions to perform this action'],
  404: ['not-found', 'Not found', 'Resource not found'],
  405: ['method-not-allowed', 'Method not allowed', 'The request method is not supported by this resource.'],
  406: ['not-acceptable', 'Not acceptable', 'Resource does not support the representation requested'],
  408: ['request-timeout', 'Request timeout', 'The request took too long to arrive.'],
  409: [
    'resource-already-exists',
    'Resource already exists',
    'The resource you attempted to create already exists',
  ],
  413: ['payload-too-large', 'Payload too large', 'The payload submitted is too large'],
  415: [
    'unsupported-media-type',
    'Unsupported media type',
    'You submitted a payload in an unsupported format',
  ],
  429: [
    'too-many-requests',
    'Too many requests',
    'Too many requests; retry after the time given in Retry-After.',
  ],
  431: [
    'request-header-fields-too-large',
    'Request header fields too large',
    'The request headers are too large.',
  ],
  500: ['api-error', 'Api error', 'We are unable to process your request at this time'],
  502: ['bad-gateway', 'Bad gateway', 'An upstream service failed.'],
  503: ['service-unavailable', 'Service unavailable', 'The service is temporarily unavailable.'],
  504: ['gateway-timeout', 'Gateway timeout', 'An upstream service timed out.'],
}

/** A default problem body for any status, in Payroc's shape (500s carry errors[] with a message). */
export function defaultProblem(status: number, detail?: string): ProblemDetails {
  const known = TITLES[status]
  const [fragment, title, defaultDetail] = known ?? [
    status >= 500 ? 'api-error' : 'bad-request',
    status >= 500 ? 'Api error' : 'Bad request',
    status >= 500
      ? 'We are unable to process your request at this time'
      : 'The request could not be processed.',
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
  return problemReply({ ...defaultProblem(400), errors })
}

export const idempotencyKeyMissing = (): Reply =>
  problemReply({
    type: problemType('idempotency-key-missing'),
    title: 'Idempotency-Key header missing',
    status: 400,
    detail: "An 'Idempotency-Key' must be supplied for this request",
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
    title: 'Idempotency-Key in use',
    status: 409,
    detail: "'Idempotency-Key' is already in use against a different request",
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

/**
 * 409 #resource-already-exists for a create whose id is taken: `instance` is the existing resource's URL, as
 * in the spec's example; errors[] names the parameter and `link` points at the existing resource (the 409
 * extras of PAYROC.md "Errors").
 */
export const resourceAlreadyExists = (instance: string, parameter: string, detail: string): Reply =>
  problemReply({
    ...defaultProblem(409, detail),
    instance,
    errors: [{ parameter, detail, message: `Choose another ${parameter}, or use the existing one.` }],
    link: { rel: 'existing', method: 'GET', href: instance },
  })
