import type { ResponseOf } from '@shared/contract'
import type { Result } from '@shared/result'
import type { SliceFactory } from '@renderer/app-store'

/** Whose bundle: a journal entry's, or the environment's when no id is given. */
export interface BundleTarget {
  journalId?: string
  environmentId: string
  profile: string
}

/** The support bundle has no state of its own: the Inspector's Export support bundle button shows the outcome. */
export interface BundleSlice {
  bundle: {
    /** The redacted support bundle (JSON + HAR) for the target. */
    export(target: BundleTarget): Promise<Result<ResponseOf<'bundle:export'>>>
  }
}

export const createBundleSlice: SliceFactory<BundleSlice> =
  ({ transport }) =>
  () => ({
    bundle: {
      export: ({ journalId, environmentId, profile }) =>
        transport.call(
          'bundle:export',
          journalId ? { journalId, environmentId, profile } : { environmentId, profile },
        ),
    },
  })
