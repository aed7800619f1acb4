import { lazy, Suspense } from 'react'
import { Skeleton } from '@renderer/components/Skeleton'
import { useStore } from '@renderer/store-context'

const Inspector = lazy(() => import('./Inspector').then((m) => ({ default: m.Inspector })))

/** The Inspector under the Session screen: the latest create, failed or not (loaded on first use). */
export function SessionInspector() {
  // A new submit clears `error`, so an error present is newer than `created`.
  const journalId = useStore((s) => s.session.error?.journalId ?? s.session.created?.journalId)
  // Another environment's exchange never shows inside this one's frame.
  const elsewhere = useStore(
    (s) =>
      s.session.attempt !== null &&
      (s.session.attempt.environmentId !== s.environment.environmentId ||
        s.session.attempt.profile !== s.environment.profile),
  )
  if (!journalId || elsewhere) return null
  return (
    <Suspense
      fallback={
        <section className="card">
          <Skeleton label="the Inspector" lines={4} />
        </section>
      }
    >
      <Inspector journalId={journalId} />
    </Suspense>
  )
}
