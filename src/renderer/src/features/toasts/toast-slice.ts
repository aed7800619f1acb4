import type { SliceFactory } from '@renderer/app-store'

export type ToastTone = 'success' | 'failure' | 'info'

export interface Toast {
  id: number
  tone: ToastTone
  message: string
  /** Toasts with the same key replace each other (one toast per attempt, updated as it goes). */
  key?: string
}

/** At most this many toasts stay on screen; older ones leave first. */
export const MAX_TOASTS = 3

export interface ToastSlice {
  toasts: {
    items: Toast[]
    push(tone: ToastTone, message: string, key?: string): void
    dismiss(id: number): void
  }
}

/**
 * Short-lived notes about an outcome ("Session created", "Create session failed: 403"). They never take the
 * focus and are announced politely; the component dismisses them (auto, pausable, or by the user).
 */
export const createToastSlice: SliceFactory<ToastSlice> = () => (set) => {
  let nextId = 1
  return {
    toasts: {
      items: [],
      push: (tone, message, key) =>
        set((s) => {
          const toast: Toast = { id: nextId++, tone, message, ...(key ? { key } : {}) }
          const kept = key ? s.toasts.items.filter((t) => t.key !== key) : s.toasts.items
          return { toasts: { ...s.toasts, items: [...kept, toast].slice(-MAX_TOASTS) } }
        }),
      dismiss: (id) =>
        set((s) => ({ toasts: { ...s.toasts, items: s.toasts.items.filter((t) => t.id !== id) } })),
    },
  }
}
