/**
 * Parses a pasted or imported list of processing terminal IDs: one per line, or comma-separated, or a CSV file
 * with or without a header (the column named like "processingTerminalId"/"terminal", else the first column).
 * Order is kept; blank entries are skipped; every other entry becomes a row — invalid ones are flagged, never
 * dropped, so the result lines up with what the user pasted.
 */
import { ProcessingTerminalId } from '../../../shared/payroc'
import { BATCH_MAX_ROWS } from '../../../shared/diagnostics'
import { labelledMessage } from '../../../shared/field-labels'

export interface ParsedTerminal {
  /** 1-based position among the entries. */
  line: number
  input: string
  /** Set when the entry is a well-formed processingTerminalId. */
  processingTerminalId?: string
  /** Why it is not (the schema's message). */
  invalid?: string
  /** Line of the first occurrence of the same ID. */
  duplicateOf?: number
}

const HEADER_NAME = /^(processing[ _-]?terminal[ _-]?id|terminal[ _-]?id|terminal|id|tid)$/i

/** Splits one CSV record (RFC 4180 quotes) into fields; a plain line is split on commas the same way. */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"'
        i += 1
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"' && field.trim() === '') {
      quoted = true
      field = ''
    } else if (char === ',' || char === ';' || char === '\t') {
      fields.push(field)
      field = ''
    } else field += char
  }
  fields.push(field)
  return fields.map((value) => value.trim())
}

export function parseTerminalList(text: string, maxRows = BATCH_MAX_ROWS): ParsedTerminal[] {
  const records = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
  if (records.length === 0) return []
  const first = splitCsvLine(records[0] ?? '')
  const headerColumn = first.findIndex((name) => HEADER_NAME.test(name))
  // A header row is recognised by its column name; the data then comes from that column only.
  const rows = (headerColumn >= 0 ? records.slice(1) : records).map(splitCsvLine)
  // Several lines that all have the same number (≥ 2) of fields are a CSV table without a header: its first
  // column holds the IDs. Anything else (one line of comma-separated IDs, ragged lines) is a flat list.
  const width = rows[0]?.length ?? 0
  const table = headerColumn < 0 && rows.length > 1 && width > 1 && rows.every((row) => row.length === width)
  const column = headerColumn >= 0 ? headerColumn : table ? 0 : -1
  const values = rows.flatMap((fields) =>
    column >= 0 ? [fields[column] ?? ''] : fields.filter((field) => field !== ''),
  )
  const seen = new Map<string, number>()
  return values.slice(0, maxRows).map((input, index) => {
    const line = index + 1
    const parsed = ProcessingTerminalId.safeParse(input)
    if (!parsed.success)
      return {
        line,
        input,
        invalid: labelledMessage('processingTerminalId', parsed.error.issues[0]?.message ?? 'invalid'),
      }
    const first = seen.get(parsed.data)
    if (first !== undefined) return { line, input, processingTerminalId: parsed.data, duplicateOf: first }
    seen.set(parsed.data, line)
    return { line, input, processingTerminalId: parsed.data }
  })
}
