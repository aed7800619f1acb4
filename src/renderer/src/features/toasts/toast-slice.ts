import type { SliceFactory } from '@renderer/app-store'

export type ToastTone = 'success' | 'failure' | 'info'

export interface Toast {
  id: number
  tone: ToastTone
  message: string
}

/** At most this many toasts stay on screen; older ones leave first. */
export const MAX_TOASTS = 3

export interface ToastSlice {
  toasts: {
    items: Toast[]
    push(tone: ToastTone, message: string): void
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
      push: (tone, message) =>
        set((s) => ({
          toasts: {
            ...s.toasts,
            items: [...s.toasts.items, { id: nextId++, tone, message }].slice(-MAX_TOASTS),
          },
        })),
      dismiss: (id) =>
        set((s) => ({ toasts: { ...s.toasts, items: s.toasts.items.filter((t) => t.id !== id) } })),
    },
  }
}
