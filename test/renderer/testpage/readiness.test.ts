import { describe, expect, it } from 'vitest'
import { framesReady, isFatalError } from '@renderer/testpage/readiness'

describe('readiness of the card form', () => {
  const shown = { opacity: '1' }
  const hidden = { opacity: '0' }
  const unset = { opacity: '' }

  it('is not ready before initialize() resolved, whatever the frames show', () => {
    expect(framesReady([shown, shown], false)).toBe(false)
  })

  it('is not ready while a field target has no iframe or its iframe is hidden (opacity 0)', () => {
    expect(framesReady([shown, null], true)).toBe(false)
    expect(framesReady([shown, hidden], true)).toBe(false)
    expect(framesReady([], true)).toBe(false)
  })

  it('is ready once every iframe is shown, or never hidden (a library without the opacity step)', () => {
    expect(framesReady([shown, shown], true)).toBe(true)
    expect(framesReady([unset, unset], true)).toBe(true)
  })

  it('ends the form on config and init errors always, on field errors only before ready, never on submission', () => {
    expect(isFatalError({ type: 'config', message: 'x' }, true)).toBe(true)
    expect(isFatalError({ type: 'init', message: 'x' }, false)).toBe(true)
    expect(isFatalError({ type: 'field', field: 'cvv', message: 'x' }, false)).toBe(true)
    expect(isFatalError({ type: 'field', message: 'x' }, true)).toBe(false)
    expect(isFatalError({ type: 'submission', message: '' }, false)).toBe(false)
    expect(isFatalError(null, false)).toBe(true)
  })
})
