/**
 * The main-process log: `console.log` in the data folder, one JSON line per event, rotated at 1 MB with 3 files
 * kept (console.log, .1, .2). Every line goes through the shared redactor and a pattern scrub, so neither an API
 * key nor a Bearer token can reach the disk even if a caller passes one by mistake.
 */
import fs from 'node:fs'
import path from 'node:path'
import { redactValue, scrubSecrets } from '../../../shared/redact'
import type { Logger, LogLevel } from '../../app-types'
import { rateLimitedLogger, type RateLimitOptions } from './log-rate-limit'

export const LOG_FILE = 'console.log'
const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export interface FileLoggerOptions {
  level?: LogLevel
  maxBytes?: number
  files?: number
  /** Also echo to stderr (development). */
  echo?: boolean
  /**
   * Per-message rate limit (default burst 20, then 1 line a second per message), so a flood of one kind of line
   * (a web page hammering the bridge) cannot rotate the genuine lines away; suppressed lines are summarised.
   */
  rateLimit?: RateLimitOptions
}

export interface FileLogger extends Logger {
  readonly file: string
  /** Secrets main holds right now; their literal occurrences are masked in every line. */
  setSecretSource(source: () => readonly string[]): void
  /** Releases the file; a later line reopens it. */
  close(): void
}

/** Header- and JSON-shaped secrets that might arrive as plain text (error messages, raw bodies). */
const PATTERNS: [RegExp, string][] = [
  [/(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, '$1[redacted]'],
  [/("?(?:x-api-key|authorization|access_token|apiKey|api_key)"?\s*[:=]\s*"?)[^"\s,}]{4,}/gi, '$1[redacted]'],
]

export function scrubLine(line: string, secrets: readonly string[]): string {
  let out = scrubSecrets(line, secrets)
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement)
  return out
}

export function createFileLogger(dataDir: string, options: FileLoggerOptions = {}): FileLogger {
  const file = path.join(dataDir, LOG_FILE)
  const minLevel = LEVELS[options.level ?? 'info']
  const maxBytes = options.maxBytes ?? 1024 * 1024
  const files = options.files ?? 3
  let secrets: () => readonly string[] = () => []
  let size: number | undefined
  // One descriptor held open (O_APPEND): opening the file for every line cost more than the write itself.
  let fd: number | undefined
  const closeFd = () => {
    if (fd === undefined) return
    try {
      fs.closeSync(fd)
    } catch {
      // already closed
    }
    fd = undefined
  }

  const rotate = () => {
    closeFd()
    // console.log.2 is dropped, .1 → .2, console.log → .1
    for (let index = files - 1; index >= 1; index -= 1) {
      const from = index === 1 ? file : `${file}.${index - 1}`
      try {
        fs.renameSync(from, `${file}.${index}`)
      } catch {
        // a missing generation is normal on a young log
      }
    }
    size = 0
  }

  const writer: Logger = {
    log(level, message, data) {
      const record = {
        time: new Date().toISOString(),
        level,
        message,
        ...(data ? { data: redactValue(data) } : {}),
      }
      const line = `${scrubLine(JSON.stringify(record), secrets())}\n`
      try {
        if (size === undefined) {
          fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
          size = fs.existsSync(file) ? fs.statSync(file).size : 0
        }
        const bytes = Buffer.byteLength(line)
        if (size > 0 && size + bytes > maxBytes) rotate()
        // Synchronous on purpose: lines stay in order and survive a crash right after them; the app logs little.
        fd ??= fs.openSync(file, 'a', 0o600)
        fs.writeSync(fd, line)
        size = (size ?? 0) + bytes
        if (options.echo) process.stderr.write(line)
      } catch {
        // Logging must never break the app (full disk, read-only folder, file removed by "Clear all data"); the
        // line is lost, nothing else, and the next line reopens the file.
        closeFd()
      }
    },
  }
  const limited = rateLimitedLogger(writer, options.rateLimit)
  const summaries = setInterval(() => limited.flush(), 10_000)
  summaries.unref()

  return {
    file,
    setSecretSource(source) {
      secrets = source
    },
    close() {
      limited.flush()
      closeFd()
    },
    log(level, message, data) {
      if (LEVELS[level] < minLevel) return
      limited.log(level, message, data)
    },
  }
}

/** Wraps any logger so known secrets are scrubbed before it sees the line (for loggers passed in by a shell). */
export function scrubbingLogger(inner: Logger, secrets: () => readonly string[]): Logger {
  return {
    log(level, message, data) {
      const scrubbedData = data
        ? (JSON.parse(scrubLine(JSON.stringify(redactValue(data)), secrets())) as Record<string, unknown>)
        : undefined
      inner.log(level, scrubLine(message, secrets()), scrubbedData)
    },
  }
}

export const nullLogger: Logger = { log: () => undefined }
