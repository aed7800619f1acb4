import { useState } from 'react'
import type { Result } from '@shared/result'
import { downloadText } from './download'

interface Props {
  /** main's export (filename + CSV text); null when there is nothing to export yet. */
  exportCsv(): Promise<Result<{ filename: string; csv: string }> | null>
  disabled?: boolean
}

/** "Export CSV": asks main for the file, saves it through a download, and says where it went or why not. */
export function ExportCsvButton({ exportCsv, disabled = false }: Props) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const onExport = async () => {
    const result = await exportCsv()
    if (!result) return
    if (!result.ok) return setMessage({ ok: false, text: `${result.error.message} ${result.error.hint}` })
    downloadText(result.value.filename, result.value.csv, 'text/csv')
    setMessage({ ok: true, text: `Saved ${result.value.filename}` })
  }
  return (
    <>
      <button type="button" onClick={() => void onExport()} disabled={disabled}>
        Export CSV
      </button>
      <span role="status" className={message?.ok === false ? 'action-status bad' : 'action-status'}>
        {message?.text ?? ''}
      </span>
    </>
  )
}
