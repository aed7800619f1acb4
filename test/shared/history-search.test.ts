import { describe, expect, it } from 'vitest'
import {
  matchesQuery,
  queryTerms,
  searchHistory,
  type SearchableEntry,
} from '../../src/shared/history-search'
import { exportTime, formatLocal, timeDisplay } from '../../src/shared/time-format'

const entry = (over: Partial<SearchableEntry>): SearchableEntry => ({
  processingTerminalId: '1234001',
  environmentId: 'sandbox',
  profile: 'default',
  scenario: 'payment',
  outcome: 'ok',
  ...over,
})

const ENTRIES: SearchableEntry[] = [
  entry({ tokenSuffix: 'ab12CD', status: 201 }),
  entry({
    processingTerminalId: '9999',
    environmentId: 'uat',
    outcome: 'error',
    status: 403,
    errorKind: 'forbidden',
  }),
  entry({ processingTerminalId: '1234002', environmentId: 'uat', profile: 'acme-merchant', status: 201 }),
  entry({
    processingTerminalId: '5550001',
    outcome: 'error',
    status: 401,
    errorKind: 'auth',
    scenario: 'tokenization',
  }),
  entry({
    environmentId: 'custom:staging',
    profile: 'Globex',
    kind: 'library',
    historyOutcome: 'created-form-failed',
  }),
]
const labels: Record<string, string> = { sandbox: 'Sandbox', uat: 'UAT', 'custom:staging': 'Staging EU' }
const search = (query: string) =>
  searchHistory(ENTRIES, query, { environmentLabel: (id) => labels[id] }).map((e) => ENTRIES.indexOf(e))

describe('searchHistory: one box over the History columns', () => {
  it('a blank box matches everything, in the given order', () => {
    expect(search('')).toEqual([0, 1, 2, 3, 4])
    expect(search('   ')).toEqual([0, 1, 2, 3, 4])
  })
  it('matches the terminal (substring)', () => {
    expect(search('12340')).toEqual([0, 2, 4])
    expect(search('555')).toEqual([3])
  })
  it('matches the token suffix, case-insensitively, and a pasted full token by its suffix', () => {
    expect(search('ab12cd')).toEqual([0])
    expect(search('session-token-xyzAB12CD')).toEqual([0])
    expect(search('session-token-xyzAB12CE')).toEqual([])
  })
  it('matches status, error kind, entry kind and verdict code', () => {
    expect(search('403')).toEqual([1])
    expect(search('forbidden')).toEqual([1])
    expect(search('AUTH')).toEqual([3])
    expect(search('library')).toEqual([4])
    expect(search('form-failed')).toEqual([4])
    expect(search('tokenization')).toEqual([3])
  })
  it('matches the environment by id and by its label, and the profile', () => {
    expect(search('uat')).toEqual([1, 2])
    expect(search('staging eu')).toEqual([4])
    expect(search('custom:staging')).toEqual([4])
    expect(search('acme')).toEqual([2])
    expect(search('globex')).toEqual([4])
  })
  it('several words must all match (AND), in any order', () => {
    expect(search('403 uat')).toEqual([1])
    expect(search('uat 403')).toEqual([1])
    expect(search('201 uat')).toEqual([2])
    expect(search('403 sandbox')).toEqual([])
  })
  it('without a label lookup only ids match', () => {
    expect(searchHistory(ENTRIES, 'Staging EU')).toEqual([])
    expect(matchesQuery(ENTRIES[4] as SearchableEntry, queryTerms('staging'))).toBe(true)
  })
  it('queryTerms splits on any whitespace and lower-cases', () => {
    expect(queryTerms('  403\tUAT \n acme ')).toEqual(['403', 'uat', 'acme'])
  })
})

describe('time format: local shown, UTC on hover, ISO in exports', () => {
  const at = '2026-12-02T00:05:07.250Z'
  it('shows 24-hour local time in the given zone', () => {
    expect(formatLocal(at, 'Europe/Berlin')).toBe('2026-12-02 01:05:07')
    expect(formatLocal(at, 'America/New_York')).toBe('2026-12-01 19:05:07')
    expect(formatLocal('2026-12-02T13:00:00Z', 'UTC')).toBe('2026-12-02 13:00:00')
  })
  it('the title is UTC and the iso is the export form', () => {
    expect(timeDisplay(at, 'Asia/Tokyo')).toEqual({
      text: '2026-12-02 09:05:07',
      title: '2026-12-02 00:05:07 UTC',
      iso: '2026-12-02T00:05:07.250Z',
    })
  })
  it('exports are ISO 8601 UTC whatever the input offset', () => {
    expect(exportTime('2026-12-02T02:05:07+02:00')).toBe('2026-12-02T00:05:07.000Z')
    expect(exportTime(Date.UTC(2026, 11, 2))).toBe('2026-12-02T00:00:00.000Z')
  })
  it('an unreadable time is shown as a dash, never "Invalid Date"', () => {
    expect(timeDisplay('not a date')).toEqual({ text: '—', title: 'unknown time', iso: '' })
    expect(exportTime('nope')).toBe('')
    expect(formatLocal('nope')).toBe('—')
  })
  it('the machine zone is used when none is given', () => {
    expect(formatLocal(at)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
  })
})
