/**
 * Request field names → the labels the UI shows for them (INTERFACES.md "UI names"), so every message about a
 * field names it as the person filling the form sees it: "Processing terminal ID must be at least 4
 * characters", not "processingTerminalId …" or "apiBase: …". Zod-free: the renderer's first chunk may use it.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  environmentId: 'Environment',
  profile: 'Profile',
  processingTerminalId: 'Processing terminal ID',
  scenario: 'Scenario',
  secureTokenId: 'Secure token ID',
  libVersion: 'Library version',
  defaultLibVersion: 'Library version',
  apiKey: 'API key',
  name: 'Name',
  apiBase: 'API base URL',
  identityBase: 'Identity base URL',
  cdnBase: 'CDN base URL',
  input: 'Terminal IDs',
  concurrency: 'Concurrency',
  amount: 'Amount',
  currency: 'Currency',
  orderId: 'Order ID',
  url: 'Page URL',
}

/**
 * One field's message in the UI's words: an internal name at the start becomes the label ("processingTerminalId
 * must…" → "Processing terminal ID must…"), a generic "URL must…" names which URL, anything else is prefixed
 * with the label. A field without a label keeps its path as the prefix, as before.
 */
export function labelledMessage(path: string, message: string): string {
  const leaf = path.split('.').pop() ?? path
  const label = FIELD_LABELS[leaf]
  if (!label) return message.startsWith(leaf) ? message : `${path}: ${message}`
  if (message.startsWith(label)) return message
  if (message.startsWith(`${leaf} `) || message.startsWith(`${leaf}:`))
    return `${label}${message.slice(leaf.length)}`
  if (message.startsWith('URL ')) return `${label}${message.slice(3)}`
  return `${label}: ${message}`
}
