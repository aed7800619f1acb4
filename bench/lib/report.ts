/** The results table (console and BENCHMARKS.md) and the machine description. */
import { readFileSync } from 'node:fs'
import os from 'node:os'
import type { Spread } from './stats'

export interface Machine {
  date: string
  cpuModel: string
  cores: number
  memoryGiB: number
  node: string
  platform: string
  loadAverageAtStart: number[]
  loadAverageAtEnd?: number[]
}

export function describeMachine(): Machine {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown'
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))
    if (match?.[1]) cpuModel = match[1].trim()
  } catch {
    // not Linux: os.cpus() said enough
  }
  return {
    date: new Date().toISOString(),
    cpuModel,
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((v) => Math.round(v * 100) / 100),
  }
}

export interface Row {
  id: string
  measure: string
  unit: string
  value: Spread
  /** Human-readable goal; undefined for informational rows. */
  goal?: string
  pass?: boolean
  note?: string
}

const fmt = (value: number, unit: string): string => {
  if (!Number.isFinite(value)) return 'n/a'
  const digits = unit === '×' ? 2 : Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2
  const text = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
  if (unit === '×') return `${text}×`
  return unit === '' ? text : `${text} ${unit}`
}

export const verdict = (row: Row): string => (row.pass === undefined ? '—' : row.pass ? 'PASS' : 'FAIL')

export function cells(row: Row): string[] {
  const v = row.value
  const spreadText =
    v.n > 1
      ? `${fmt(v.min, row.unit)} – ${fmt(v.max, row.unit)} (IQR ${fmt(v.q1, row.unit)} – ${fmt(v.q3, row.unit)})`
      : ''
  return [
    row.id,
    row.measure,
    fmt(v.median, row.unit),
    spreadText,
    String(v.n),
    row.goal ?? '—',
    verdict(row),
  ]
}

const HEADER = ['#', 'measure', 'median', 'spread: min – max (IQR)', 'n', 'goal', 'result']

export function textTable(rows: readonly Row[]): string {
  const table = [HEADER, ...rows.map(cells)]
  const widths = HEADER.map((_, i) => Math.max(...table.map((line) => (line[i] ?? '').length)))
  return table
    .map((line, index) => {
      const text = line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')
      return index === 0 ? `${text}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : text
    })
    .join('\n')
}

export function markdownTable(rows: readonly Row[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|')
  return [
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${cells(row).map(escape).join(' | ')} |`),
  ].join('\n')
}

/** Load average above the core count at start or end: other work competed for the CPU during the run. */
export const busy = (machine: Machine): boolean =>
  Math.max(machine.loadAverageAtStart[0] ?? 0, machine.loadAverageAtEnd?.[0] ?? 0) > machine.cores

export function machineText(machine: Machine): string {
  return [
    `${machine.date} · ${machine.cpuModel} · ${machine.cores} cores · ${machine.memoryGiB} GiB · Node ${machine.node} · ${machine.platform}`,
    `load average (1/5/15 min) at start ${machine.loadAverageAtStart.join(' / ')}` +
      (machine.loadAverageAtEnd ? `, at end ${machine.loadAverageAtEnd.join(' / ')}` : ''),
  ].join('\n')
}
