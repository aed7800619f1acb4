/**
 * What the simulated library takes from the configuration answer (protocol §1.2): the cardholder-name rule, the
 * CVV policy for the mode, and the bank-transfer and secure-token checks. Each failure throws an Error whose
 * message is the `init` error; like Payroc's library, a missing `fraudDetection` (payment) or `tokenization`
 * (tokenization mode) object is read without a check and fails with the browser's TypeError text.
 */
import { INIT_MESSAGES } from './library-messages'
import type { Dict } from './library-options'

export interface TerminalSettings {
  cardholderNameMandatory: boolean
  /** The current CVV policy (`mandatory` | `enabled` | `disabled`); a card's answer may change it. */
  cvvPolicy: string
  /** The terminal's own CVV policy. */
  cvvTerminalPolicy: string
}

interface Configuration {
  cardHolderNameMandatory?: boolean
  tokenization: { enabled?: boolean; cvvVerification?: string }
  fraudDetection: { cvvVerification: string }
  bankTransfer?: { enabled?: boolean; providers?: { network?: string }[] }
}

export function applyConfiguration(answer: unknown, mode: unknown, fields: Dict): TerminalSettings {
  if (typeof answer !== 'object' || answer === null || !('configuration' in answer)) {
    throw new Error(INIT_MESSAGES.invalidConfiguration)
  }
  const configuration = (answer as { configuration: Configuration }).configuration
  const secureTokens = configuration.tokenization?.enabled ?? false
  const bankTransfer = configuration.bankTransfer?.enabled ?? false
  const networks = (configuration.bankTransfer?.providers ?? []).map((provider) => provider.network)
  const policy =
    mode === 'payment'
      ? configuration.fraudDetection.cvvVerification
      : configuration.tokenization.enabled
        ? String(configuration.tokenization.cvvVerification)
        : configuration.fraudDetection.cvvVerification
  if (('ach' in fields || 'pad' in fields) && bankTransfer !== true)
    throw new Error(INIT_MESSAGES.bankTransfer)
  if ('ach' in fields && !networks.includes('ach')) throw new Error(INIT_MESSAGES.ach)
  if ('pad' in fields && !networks.includes('pad')) throw new Error(INIT_MESSAGES.pad)
  if (mode === 'tokenization' && secureTokens === false) throw new Error(INIT_MESSAGES.secureTokens)
  return {
    cardholderNameMandatory: configuration.cardHolderNameMandatory ?? true,
    cvvPolicy: policy,
    cvvTerminalPolicy: policy,
  }
}
