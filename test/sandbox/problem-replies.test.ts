/** Problem bodies carry the type fragment and title of the examples in Payroc's OpenAPI spec. */
import { describe, expect, it } from 'vitest'
import {
  defaultProblem,
  idempotencyKeyInUse,
  idempotencyKeyMissing,
  resourceAlreadyExists,
  validationProblem,
} from '../../src/sandbox/problem-replies'
import { ERRORS, SPEC_PROBLEM_PAIRS } from '../support/sandbox'

describe('problem replies', () => {
  it.each(SPEC_PROBLEM_PAIRS)("%i: #%s titled '%s', as the spec's examples", (status, fragment, title) => {
    expect(defaultProblem(status)).toMatchObject({ type: `${ERRORS}${fragment}`, title, status })
  })

  it('the named problems use the spec’s pairs too', () => {
    const body = (reply: { body: string }) => JSON.parse(reply.body) as Record<string, unknown>
    expect(body(validationProblem([]))).toMatchObject({ type: `${ERRORS}bad-request`, title: 'Bad request' })
    expect(body(idempotencyKeyMissing())).toMatchObject({
      type: `${ERRORS}idempotency-key-missing`,
      title: 'Idempotency-Key header missing',
    })
    expect(body(idempotencyKeyInUse('/x', 'POST', '/y'))).toMatchObject({
      type: `${ERRORS}idempotency-key-in-use`,
      title: 'Idempotency-Key in use',
      status: 409,
    })
    expect(body(resourceAlreadyExists('https://s/v1/a/b', 'secureTokenId', 'taken'))).toMatchObject({
      type: `${ERRORS}resource-already-exists`,
      title: 'Resource already exists',
      status: 409,
      instance: 'https://s/v1/a/b',
      errors: [{ parameter: 'secureTokenId', detail: 'taken' }],
    })
  })
})
