import type { SliceFactory } from '@renderer/app-store'

/** The screens of the console; 'settings' holds the danger zone and is reached from the top bar. */
export const VIEWS = [
  'session',
  'history',
  'batch',
  'preflight',
  'settings',
  'merchantPage',
  'secureTokens',
] as const
export type View = (typeof VIEWS)[number]

export interface NavSlice {
  nav: {
    view: View
    go(view: View): void
  }
}

export const createNavSlice: SliceFactory<NavSlice> = () => (set) => ({
  nav: {
    view: 'session',
    go: (view) => set((s) => ({ nav: { ...s.nav, view } })),
  },
})
