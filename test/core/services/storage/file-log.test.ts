import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFileLogger, LOG_FILE, scrubbingLogger } from '../../../../src/core/services/storage/file-log'

const KEY = 'merchant-key-123456'
const BEARER = 'eyJhbGciOiJIUzI1NiJ9.abcdefghijk.lmnopqrst'

describe('file logger', () => {
  it('writes JSON lines with levels and drops lines below the level', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hfc-log-'))
    const logger = createFileLogger(dir, { level: 'info' })
    logger.log('debug', 'hidden')
    logger.log('info', 'shown', { n: 1 })
    const lines = (await readFile(path.join(dir, LOG_FILE), 'utf8')).trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 'info', message: 'shown', data: { n: 1 } })
  })

  it('never writes keys or bearer tokens, however they are passed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hfc-log-'))
    const logger = createFileLogger(dir)
    logger.setSecretSource(() => [KEY])
    logger.log('info', `message with ${KEY}`)
    logger.log('info', 'headers', { 'x-api-key': KEY, header: `Authorization: Bearer ${BEARER}` })
    logger.log('warn', 'body', { access_token: BEARER, apiKey: 'another-key-abcdefgh' })
    logger.log('error', `raw text x-api-key: somesecretvalue`)
    const text = await readFile(path.join(dir, LOG_FILE), 'utf8')
    expect(text).not.toContain(KEY)
    expect(text).not.toContain(BEARER)
    expect(text).not.toContain('another-key-abcdefgh')
    expect(text).not.toContain('somesecretvalue')
  })

  it('rotates at the size limit and keeps 3 files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hfc-log-'))
    const logger = createFileLogger(dir, { maxBytes: 2000 })
    for (let index = 0; index < 200; index += 1) logger.log('info', `line ${index} ${'x'.repeat(50)}`)
    const files = (await readdir(dir)).sort()
    expect(files).toEqual([LOG_FILE, `${LOG_FILE}.1`, `${LOG_FILE}.2`])
    for (const file of files) expect((await readFile(path.join(dir, file))).length).toBeLessThanOrEqual(2000)
    expect(await readFile(path.join(dir, LOG_FILE), 'utf8')).toContain('line 199')
  })

  it('keeps lines in order across close() and reopens the file for the next line, owner-only', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hfc-log-'))
    const logger = createFileLogger(dir)
    logger.log('info', 'first')
    logger.close()
    logger.log('info', 'second')
    logger.close()
    const file = path.join(dir, LOG_FILE)
    const messages = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { message: string }).message)
    expect(messages).toEqual(['first', 'second'])
    expect((await stat(file)).mode & 0o777).toBe(0o600)
  })

  it('scrubbingLogger masks known secrets before any other logger sees them', () => {
    const seen: string[] = []
    const logger = scrubbingLogger(
      { log: (_level, message, data) => seen.push(message + JSON.stringify(data)) },
      () => [KEY],
    )
    logger.log('info', `key ${KEY}`, { nested: { note: KEY } })
    expect(seen.join('')).not.toContain(KEY)
  })
})

describe('the file log under a flood', () => {
  it('rate-limits one message so 30,000 lines cannot rotate the genuine lines away', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hfc-log-flood-'))
    const logger = createFileLogger(dir)
    logger.log('info', 'browser preview started', { port: 1 })
    for (let i = 0; i < 30_000; i += 1)
      logger.log('error', 'console server failed', { error: `URIError ${i}` })
    logger.close()
    const text = await readFile(path.join(dir, LOG_FILE), 'utf8')
    expect(text).toContain('browser preview started')
    expect(text).toMatch(/similar lines suppressed/)
    expect(await readdir(dir)).toEqual([LOG_FILE])
    expect((await stat(dir)).mode & 0o777).toBe(0o700)
  })
})
