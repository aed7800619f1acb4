import { describe, expect, it } from 'vitest'
import type { LibraryOutcome } from '@shared/attempt-verdict'
import type { EventName } from '@renderer/testpage/protocol'
import { nextLibraryOutcome } from '@renderer/features/testpage/library-outcome'

const at = '2026-01-01T10:00:00.000Z'
const run = (events: [EventName, unknown][]): LibraryOutcome =>
  events.reduce<LibraryOutcome>(
    (state, [name, payload]) => nextLibraryOutcome(state, { name, payload, at }) ?? state,
    { state: 'none' },
  )

describe('test page events → the card form state of the verdict', () => {
  it('script loaded then initialised is ready; a submission success is submitted', () => {
    expect(run([['page:scriptLoaded', {}]])).toEqual({ state: 'initialising' })
    expect(
      run([
        ['page:scriptLoaded', {}],
        ['page:initialized', {}],
      ]),
    ).toEqual({ state: 'ready' })
    expect(
      run([
        ['page:initialized', {}],
        ['submissionSuccess', { token: 'sut', expiresAt: at }],
      ]),
    ).toEqual({ state: 'submitted', singleUseToken: 'sut', expiresAt: at })
  })

  it("the library's init error wins over the page's later initializeFailed", () => {
    expect(
      run([
        ['page:scriptLoaded', {}],
        ['error', { type: 'init', message: 'Secure tokens are not enabled for processing terminal 1234002' }],
        ['page:initializeFailed', { message: 'generic' }],
      ]),
    ).toEqual({
      state: 'init-error',
      message: 'Secure tokens are not enabled for processing terminal 1234002',
    })
    expect(run([['error', { type: 'config', message: 'bad option' }]])).toEqual({
      state: 'config-error',
      message: 'bad option',
    })
  })

  it("a field's message on a ready form is not a failure; a submission error is", () => {
    expect(
      run([
        ['page:initialized', {}],
        ['error', { type: 'field', field: 'cardNumber', message: 'invalid' }],
      ]),
    ).toEqual({ state: 'ready' })
    expect(
      run([
        ['page:initialized', {}],
        ['error', { type: 'submission', message: 'declined' }],
      ]),
    ).toEqual({ state: 'submission-error', message: 'declined' })
  })
})
