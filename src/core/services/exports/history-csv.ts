/**
 * The History CSV export (the only one): the session columns, then the columns of the
 * flows after the form — which call, the payment, and the gateway's verdict. No token or card number: the
 * payment method is the gateway's masked form, a token its last 6 characters.
 */
import type { HistoryEntry } from '../../../shared/contract'
import { toCsv, type CsvCell } from './csv'

const SESSION_COLUMNS = [
  'at',
  'environmentId',
  'profile',
  'processingTerminalId',
  'scenario',
  'libVersion',
  'secureTokenId',
  'outcome',
  'errorKind',
  'status',
  'message',
  'tokenSuffix',
  'expiresAt',
  'durationMs',
  'attempts',
  'journalId',
] as const
const FLOW_COLUMNS = [
  'operation',
  'paymentId',
  'orderId',
  'amount',
  'currency',
  'transactionStatus',
  'responseCode',
  'responseMessage',
  'approved',
  'paymentMethod',
] as const
export const HISTORY_CSV_HEADER = [...SESSION_COLUMNS, 'kind', ...FLOW_COLUMNS, 'verdict'] as const

export function historyCsvWithFlows(entries: readonly HistoryEntry[]): string {
  return toCsv(
    HISTORY_CSV_HEADER,
    entries.map((entry): CsvCell[] => [
      ...SESSION_COLUMNS.map((column): CsvCell => entry[column]),
      entry.kind ?? 'session',
      ...FLOW_COLUMNS.map((column): CsvCell => entry.flow?.[column]),
      entry.verdict?.sentence,
    ]),
  )
}
