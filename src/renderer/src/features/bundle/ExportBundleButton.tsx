import { useState } from 'react'
import type { JournalEntry } from '@shared/contract'
import { ActionStatus, type ActionState } from '@renderer/components/ActionStatus'
import { downloadText } from '@renderer/components/download'
import { useStore } from '@renderer/store-context'

/** Export support bundle for one journal entry: saves its JSON and HAR (secrets removed) and says so. */
export function ExportBundleButton({ entry }: { entry: JournalEntry }) {
  const exportBundle = useStore((s) => s.bundle.export)
  const [exported, setExported] = useState<ActionState>({ kind: 'idle' })

  const onExport = async () => {
    const result = await exportBundle({
      journalId: entry.id,
      environmentId: entry.environmentId,
      profile: entry.profile,
    })
    if (!result.ok)
      return setExported({ kind: 'failed', text: `${result.error.message} ${result.error.hint}` })
    const { filename, json, har } = result.value
    downloadText(filename, json, 'application/json')
    downloadText(filename.replace(/\.json$/, '') + '.har', har, 'application/json')
    setExported({ kind: 'done', text: 'Saved JSON and HAR (secrets removed)' })
  }

  return (
    <>
      <button type="button" onClick={() => void onExport()}>
        Export support bundle
      </button>
      <ActionStatus state={exported} />
    </>
  )
}
