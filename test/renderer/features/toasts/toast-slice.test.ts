import { describe, expect, it } from 'vitest'
import type { ConsoleTransport } from '@renderer/transport'
import { createAppStore } from '@renderer/app-store'
import { MAX_TOASTS } from '@renderer/features/toasts/toast-slice'

const idle: ConsoleTransport = {
  kind: 'web',
  call: () => new Promise(() => undefined),
  onEvent: () => () => undefined,
}

describe('toasts', () => {
  it('keeps only the newest few and dismisses by id', () => {
    const store = createAppStore({ transport: idle })
    for (let i = 0; i < MAX_TOASTS + 2; i++) store.getState().toasts.push('info', `note ${i}`)
    const items = store.getState().toasts.items
    expect(items.map((t) => t.message)).toEqual(['note 2', 'note 3', 'note 4'])
    store.getState().toasts.dismiss(items[0]?.id ?? -1)
    expect(store.getState().toasts.items.map((t) => t.message)).toEqual(['note 3', 'note 4'])
  })
})
