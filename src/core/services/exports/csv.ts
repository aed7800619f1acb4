/**
 * CSV for exports (history, batch results): RFC 4180 quoting (fields with a comma, quote, CR or LF are quoted,
 * quotes doubled, CRLF line ends) and spreadsheet formula-injection defence: a cell starting with = + - @ (or a
 * tab / CR, which some spreadsheets strip before evaluating) gets a leading apostrophe, so a terminal ID or an
 * error message a gateway echoed can never run as a formula when support opens the file.
 */
export type CsvCell = string | number | boolean | undefined | null

const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(value: CsvCell): string {
  if (value === undefined || value === null) return ''
  let text = String(value)
  // Numbers are ours (durations, statuses): a negative one is data, not a formula, but keeping the rule uniform
  // costs nothing and avoids a special case an attacker could aim at.
  if (FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** A file name with the local date and time, safe on every OS: `<prefix>-2024-05-01T10-20-30.csv`. */
export function exportFilename(prefix: string, extension: string, at: Date = new Date()): string {
  const stamp = at.toISOString().slice(0, 19).replace(/:/g, '-')
  return `${prefix}-${stamp}.${extension}`
}
