import { lazy, Suspense } from 'react'
import { Skeleton } from '@renderer/components/Skeleton'
import { useStore } from '@renderer/store-context'

const Inspector = lazy(() => import('./Inspector').then((m) => ({ default: m.Inspector })))

/** The Inspector under the Session screen: the latest create, failed or not (loaded on first use). */
export function SessionInspector() {
  // A new submit clears `error`, so an error present is newer than `created`.
  const journalId = useStore((s) => s.session.error?.journalId ?? s.session.created?.journalId)
  if (!journalId) return null
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
