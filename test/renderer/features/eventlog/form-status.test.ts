import { describe, expect, it } from 'vitest'
import { formStatusOf, formStatusText } from '@renderer/features/eventlog/form-status'
import type { EventName, LoggedEvent } from '@renderer/testpage/protocol'

/** Events given oldest first; the log keeps them newest first. */
const log = (...events: [EventName, unknown?][]): LoggedEvent[] =>
  events
    .map(([name, payload]) => ({ name, payload: payload ?? null, at: '2026-12-02T01:00:00.000Z' }))
    .reverse()

describe('the console’s form status from logged events', () => {
  it('says loading after initialize() resolved: page:initialized is not readiness', () => {
    expect(formStatusOf(log(['page:scriptLoaded'], ['page:initialized']))).toEqual({ phase: 'loading' })
  })

  it('says ready only after page:ready, and stays ready through field typing and a submission error', () => {
    const status = formStatusOf(
      log(
        ['page:initialized'],
        ['page:ready'],
        ['fieldValidityChange', { field: 'cvv' }],
        [
          'error',
          { type: 'submission', message: 'The request is unauthorised, please check your credentials.' },
        ],
      ),
    )
    expect(status).toEqual({ phase: 'ready' })
    expect(formStatusText(status)).toBe('Form ready')
  })

  it('says destroyed once the page called destroy(), and ready again only after a new page:ready', () => {
    const destroyed = formStatusOf(log(['page:ready'], ['page:destroyed']))
    expect(destroyed).toEqual({ phase: 'destroyed' })
    expect(formStatusText(destroyed)).toBe('Form destroyed: destroy() was called')
    expect(formStatusOf(log(['page:ready'], ['page:destroyed'], ['page:ready']))).toEqual({ phase: 'ready' })
  })

  it('says failed on an init error even though initialize() resolved', () => {
    const status = formStatusOf(
      log(
        ['error', { type: 'init', message: 'The provided session token is invalid.' }],
        ['page:initialized'],
      ),
    )
    expect(status).toEqual({ phase: 'failed', message: 'The provided session token is invalid.' })
    expect(formStatusText(status)).toBe('Form failed: The provided session token is invalid.')
  })

  it('says failed on a field error before ready, on the page’s own failures, and names a missing message', () => {
    expect(formStatusOf(log(['page:initialized'], ['error', { type: 'field', field: 'cvv' }]))).toEqual({
      phase: 'failed',
      message: 'no message',
    })
    expect(formStatusOf(log(['page:scriptError', { message: 'Script not loaded' }])).phase).toBe('failed')
    expect(formStatusOf(log(['page:ready'], ['error', { type: 'config', message: 'x' }])).phase).toBe(
      'failed',
    )
  })
})
