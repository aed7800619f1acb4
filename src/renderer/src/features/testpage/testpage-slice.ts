/** The test page's Advanced panel options (a draft until the next session or Reload form). */
import type { SliceFactory } from '@renderer/app-store'
import { EMPTY_OPTIONS, type LibraryOptionsDraft } from './page-options'

export interface TestPageSlice {
  testPage: {
    options: LibraryOptionsDraft
    setOptions(patch: Partial<LibraryOptionsDraft>): void
  }
}

export const createTestPageSlice: SliceFactory<TestPageSlice> = () => (set) => ({
  testPage: {
    options: EMPTY_OPTIONS,
    setOptions: (patch) =>
      set((s) => ({ testPage: { ...s.testPage, options: { ...s.testPage.options, ...patch } } })),
  },
})
