import { describe, expect, it } from 'vitest'
import {
  rateLimitedLogger,
  SUPPRESSED_MESSAGE,
  type LineLogger,
  type RateLimitedLevel,
} from '../../../../src/core/services/storage/log-rate-limit'

type Line = { level: RateLimitedLevel; message: string; data?: Record<string, unknown> }

function setup(options: { burst?: number; perSecond?: number; maxKeys?: number } = {}) {
  const lines: Line[] = []
  const inner: LineLogger = {
    log: (level, message, data) => lines.push({ level, message, ...(data ? { data } : {}) }),
  }
  let clock = 1_000_000
  const logger = rateLimitedLogger(inner, { ...options, now: () => clock })
  return { lines, logger, advance: (ms: number) => (clock += ms) }
}

describe('the log rate limiter', () => {
  it('collapses a flood of one message into its burst plus one "N similar lines suppressed" line', () => {
    const { lines, logger } = setup({ burst: 20, perSecond: 1 })
    for (let i = 0; i < 30_000; i += 1)
      logger.log('error', 'console server failed', { error: `URIError ${i}` })
    expect(lines).toHaveLength(20)
    logger.flush()
    expect(lines).toHaveLength(21)
    expect(lines[20]).toEqual({
      level: 'warn',
      message: `29980 ${SUPPRESSED_MESSAGE}`,
      data: { message: 'console server failed', level: 'error', suppressed: 29_980, overMs: 0 },
    })
    expect(logger.suppressedTotal).toBe(29_980)
  })

  it('keeps every genuine line of other messages during a flood', () => {
    const { lines, logger, advance } = setup({ burst: 5, perSecond: 1 })
    for (let i = 0; i < 10_000; i += 1) {
      logger.log('error', 'console server failed')
      if (i % 2500 === 0) logger.log('error', 'history could not be written', { i })
      if (i % 5000 === 0) logger.log('info', 'identity ok', { i })
      advance(0.1)
    }
    const genuine = lines.filter((line) => line.message !== 'console server failed')
    expect(genuine.map((l) => `${l.message} ${String(l.data?.['i'])}`)).toEqual([
      'history could not be written 0',
      'identity ok 0',
      'history could not be written 2500',
      'history could not be written 5000',
      'identity ok 5000',
      'history could not be written 7500',
    ])
    expect(lines.filter((l) => l.message === 'console server failed').length).toBeLessThanOrEqual(5 + 1)
  })

  it('refills at perSecond and reports what it dropped when the key is allowed again', () => {
    const { lines, logger, advance } = setup({ burst: 2, perSecond: 1 })
    for (let i = 0; i < 5; i += 1) logger.log('warn', 'slow')
    expect(lines.map((l) => l.message)).toEqual(['slow', 'slow'])
    advance(1500)
    logger.log('warn', 'slow')
    expect(lines.map((l) => l.message)).toEqual(['slow', 'slow', `3 ${SUPPRESSED_MESSAGE}`, 'slow'])
    expect(lines[2]?.data).toMatchObject({ suppressed: 3, overMs: 1500 })
    logger.flush()
    expect(lines).toHaveLength(4)
  })

  it('treats the same message at another level as another key', () => {
    const { lines, logger } = setup({ burst: 1 })
    logger.log('info', 'x')
    logger.log('info', 'x')
    logger.log('error', 'x')
    expect(lines.map((l) => `${l.level} ${l.message}`)).toEqual(['info x', 'error x'])
  })

  it('bounds its memory: the least recently used key is summarised and forgotten', () => {
    const { lines, logger } = setup({ burst: 1, maxKeys: 2 })
    logger.log('info', 'a')
    logger.log('info', 'a')
    logger.log('info', 'b')
    logger.log('info', 'c')
    expect(lines.map((l) => l.message)).toEqual(['a', 'b', `1 ${SUPPRESSED_MESSAGE}`, 'c'])
    logger.log('info', 'a') // forgotten, so a fresh burst
    expect(lines.at(-1)?.message).toBe('a')
  })

  it('stays within a few kilobytes for 30,000 requests in 2 s', () => {
    const { lines, logger, advance } = setup()
    for (let i = 0; i < 30_000; i += 1) {
      logger.log('error', 'console server failed', { error: 'URIError: URI malformed' })
      advance(2000 / 30_000)
    }
    logger.flush()
    const bytes = lines.reduce((sum, line) => sum + JSON.stringify(line).length + 40, 0)
    expect(bytes).toBeLessThan(4096)
  })
})
