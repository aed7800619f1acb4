// The performance fixes the bench found: the journal's id index and the cached secrets list must behave
// exactly like the scans they replaced.
import { describe, expect, it } from 'vitest'
import { Journal } from '../../../../src/core/services/storage/exchange-journal'
import { KnownSecrets } from '../../../../src/core/services/credentials/known-secrets'
import { scrubSecrets } from '../../../../src/shared/redact'
import { journalEntry as entry } from '../../../support/journal-entry'

describe('Journal id index', () => {
  it('finds held entries and forgets evicted and cleared ones', () => {
    const journal = new Journal(new KnownSecrets(), 3)
    for (const id of ['a', 'b', 'c', 'd']) journal.add(entry(id))
    expect(journal.get('a')).toBeUndefined()
    expect(journal.get('b')?.id).toBe('b')
    expect(journal.get('d')?.id).toBe('d')
    expect(journal.list().map((e) => e.id)).toEqual(['d', 'c', 'b'])
    journal.clear()
    expect(journal.get('d')).toBeUndefined()
    journal.add(entry('e'))
    expect(journal.get('e')?.id).toBe('e')
  })
})

describe('KnownSecrets list cache', () => {
  it('reflects every add and remove, longest first, and hands out copies', () => {
    const secrets = new KnownSecrets()
    secrets.add('short-secret')
    expect(secrets.list()).toEqual(['short-secret'])
    secrets.add('a-much-longer-secret')
    expect(secrets.list()).toEqual(['a-much-longer-secret', 'short-secret'])
    secrets.list().pop()
    expect(secrets.list()).toHaveLength(2)
    secrets.remove('a-much-longer-secret')
    expect(secrets.list()).toEqual(['short-secret'])
    expect(secrets.scrub('x short-secret y')).toBe('x …(12 chars) y')
  })
})

describe('scrubSecrets', () => {
  it('masks every occurrence and leaves texts without secrets as they are', () => {
    expect(scrubSecrets('k=secret-value-1 and secret-value-1', ['secret-value-1'])).toBe(
      'k=secr…ue-1 and secr…ue-1',
    )
    const text = 'nothing to see'
    expect(scrubSecrets(text, ['secret-value-1'])).toBe(text)
  })
})
