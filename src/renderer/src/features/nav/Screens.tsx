import { lazy, Suspense } from 'react'
import type { View } from './nav-slice'
import { Skeleton } from '@renderer/components/Skeleton'

// Each screen is its own chunk: the console's first paint carries the Session screen only.
const HistoryScreen = lazy(() =>
  import('@renderer/features/history/HistoryScreen').then((m) => ({ default: m.HistoryScreen })),
)
const BatchScreen = lazy(() =>
  import('@renderer/features/batch/BatchScreen').then((m) => ({ default: m.BatchScreen })),
)
const PreflightScreen = lazy(() =>
  import('@renderer/features/preflight/PreflightScreen').then((m) => ({ default: m.PreflightScreen })),
)
const MerchantPageScreen = lazy(() =>
  import('@renderer/features/merchantPage/MerchantPageScreen').then((m) => ({
    default: m.MerchantPageScreen,
  })),
)
const SecureTokensScreen = lazy(() =>
  import('@renderer/features/secureTokens/SecureTokensScreen').then((m) => ({
    default: m.SecureTokensScreen,
  })),
)
const SettingsScreen = lazy(() =>
  import('@renderer/features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
)

/** The screen for a view other than Session (which stays mounted, so its test page keeps its state). */
export function Screens({ view }: { view: View }) {
  return (
    <Suspense
      fallback={
        <main className="screen" aria-label="Loading">
          <section className="card">
            <Skeleton label="the screen" lines={5} />
          </section>
        </main>
      }
    >
      {view === 'history' && <HistoryScreen />}
      {view === 'batch' && <BatchScreen />}
      {view === 'preflight' && <PreflightScreen />}
      {view === 'settings' && <SettingsScreen />}
      {view === 'merchantPage' && <MerchantPageScreen />}
      {view === 'secureTokens' && <SecureTokensScreen />}
    </Suspense>
  )
}
