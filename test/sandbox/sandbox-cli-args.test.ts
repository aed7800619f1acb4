/** The sandbox CLI's flag parsing. */
import { describe, expect, it } from 'vitest'
import { parseArgs, UsageError } from '../../src/sandbox/sandbox-cli-args'

describe('CLI flags', () => {
  it('parses every flag', () => {
    expect(
      parseArgs([
        '--port',
        '0',
        '--host',
        '0.0.0.0',
        '--api-key',
        'a',
        '--api-key=b',
        '--token-ttl',
        '60',
        '--session-ttl',
        '30',
        '--idempotency-ttl',
        '90',
        '--terminals',
        'f.json',
        '--latency',
        '5',
      ]),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
      apiKeys: ['a', 'b'],
      tokenTtlSeconds: 60,
      sessionTtlSeconds: 30,
      idempotencyTtlSeconds: 90,
      terminals: 'f.json',
      latencyMs: 5,
    })
    expect(parseArgs([])).toEqual({ port: 4010 })
  })

  it.each([[['--nope']], [['--port']], [['--port', '-1']], [['--latency', '1.5']], [['--port', '--host']]])(
    'rejects %j',
    (args) => {
      expect(() => parseArgs(args)).toThrow(UsageError)
    },
  )
})
