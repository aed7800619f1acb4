/**
 * Test card fill (sandbox only): the console asks the page to fill its card form with a test card in one click.
 * A separate message of the console ↔ page protocol, `{protocol, type: 'fillTestCard', values}`, accepted only
 * from the console origin and the parent window, like the session. The page forwards each value to its field
 * frame as `payroc:sandbox-fill` — a message only the sandbox's simulated library understands (Payroc's real
 * frames ignore it; the console offers "Copy card number" there instead).
 */
import { PROTOCOL, type MessageLike } from './protocol'

/** Field names a test card fills (the Hosted Fields card fields). */
export const FILLABLE_FIELDS = ['cardholderName', 'cardNumber', 'expiryDate', 'cvv'] as const
export type FillValues = Partial<Record<(typeof FILLABLE_FIELDS)[number], string>>

export type FillTestCardMessage = { protocol: typeof PROTOCOL; type: 'fillTestCard'; values: FillValues }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Page side: the values of a fill request, only from the console's origin AND the parent window. */
export function acceptFillMessage(
  message: MessageLike,
  expected: { origin: string; source: unknown },
): FillValues | null {
  if (message.origin !== expected.origin || message.source !== expected.source || !expected.source)
    return null
  const { data } = message
  if (!isRecord(data) || data['protocol'] !== PROTOCOL || data['type'] !== 'fillTestCard') return null
  const values = data['values']
  if (!isRecord(values)) return null
  const accepted: FillValues = {}
  for (const field of FILLABLE_FIELDS) {
    const value = values[field]
    if (typeof value === 'string' && value.length <= 50) accepted[field] = value
  }
  return Object.keys(accepted).length > 0 ? accepted : null
}

/** The field a Hosted Fields frame holds, from its URL (`…/merchant/hosted-fields?field=cardNumber&…`). */
export function frameField(src: string): { field: string; origin: string } | null {
  try {
    const url = new URL(src)
    const field = url.searchParams.get('field')
    return field ? { field, origin: url.origin } : null
  } catch {
    return null
  }
}

/** Listens for fill requests and forwards each value to its field frame. */
export function listenForTestCardFill(page: HTMLElement, consoleOrigin: string): void {
  window.addEventListener('message', (event) => {
    const values = acceptFillMessage(event, { origin: consoleOrigin, source: window.parent })
    if (!values) return
    for (const frame of Array.from(page.getElementsByTagName('iframe'))) {
      const target = frameField(frame.src)
      const value = target ? values[target.field as keyof FillValues] : undefined
      if (target && value !== undefined)
        frame.contentWindow?.postMessage({ id: 'payroc:sandbox-fill', payload: { value } }, target.origin)
    }
  })
}
