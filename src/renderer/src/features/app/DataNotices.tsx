import { useStore } from '@renderer/store-context'

/**
 * What went wrong loading the data folder at start (e.g. a settings.json that failed validation): each line names
 * the file and where its content was kept, so nothing is dropped silently. Shown on every screen until dismissed.
 */
export function DataNotices() {
  const notices = useStore((s) => s.app.dataNotices)
  const dismiss = useStore((s) => s.app.dismissDataNotices)
  if (notices.length === 0) return null
  return (
    <div className="notice warning data-notices" role="alert" aria-label="Data folder notice">
      {notices.map((notice) => (
        <p key={notice}>{notice}</p>
      ))}
      <button type="button" className="link-button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  )
}
