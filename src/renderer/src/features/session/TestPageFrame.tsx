import { lazy, Suspense } from 'react'
import { Skeleton } from '@renderer/components/Skeleton'

const TestPagePanel = lazy(() => import('@renderer/features/testpage/TestPagePanel'))

/**
 * The Hosted Fields test page with its event log and secure-token actions (features/testpage), loaded on
 * demand so the console's first paint does not wait for it.
 */
export function TestPageFrame() {
  return (
    <Suspense
      fallback={
        <section className="card testpage-card" aria-labelledby="testpage-title">
          <h2 id="testpage-title">Hosted Fields test page</h2>
          <Skeleton label="the test page" lines={6} />
        </section>
      }
    >
      <TestPagePanel />
    </Suspense>
  )
}
