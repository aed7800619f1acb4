import { useStore } from '@renderer/store-context'
import { staleLabel } from './attempt'

/** "Earlier session · …" while the shown session is not the current one (see staleLabel), else null. */
export function useStaleLabel(): string | null {
  const created = useStore((s) => s.session.created)
  const attempt = useStore((s) => s.session.attempt)
  const environmentId = useStore((s) => s.environment.environmentId)
  const profile = useStore((s) => s.environment.profile)
  const terminal = useStore((s) => s.session.form.processingTerminalId)
  const list = useStore((s) => s.environment.list)
  return staleLabel({
    created,
    attempt,
    environmentId,
    profile,
    terminal,
    environmentName: (id) => list.find((e) => e.id === id)?.name ?? id,
  })
}
