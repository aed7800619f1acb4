/**
 * Saves text as a file through a Blob and `a.download`: a download in the browser preview, a save dialog in
 * Electron (will-download). Nothing is written anywhere else.
 */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  link.className = 'offscreen'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoke after the click has been handled; revoking at once can cancel the download in some engines.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
