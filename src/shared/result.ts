/**
 * What every channel returns. Errors never throw across the IPC/bridge boundary and never carry a secret.
 */
import { z } from 'zod'
import { labelledMessage } from './field-labels'
import { ProblemDetails } from './payroc'

export const ERROR_KINDS = [
  'validation',
  'auth',
  'forbidden',
  'conflict',
  'rate-limited',
  'not-acceptable',
  'unsupported-media',
  'payload-too-large',
  'gateway',
  'network',
  'tls',
  'timeout',
  'malformed-response',
  'keychain',
  'confirmation-required',
  'cancelled',
  'internal',
] as const
export const ErrorKind = z.enum(ERROR_KINDS)
export type ErrorKind = z.infer<typeof ErrorKind>

export const AppError = z.object({
  kind: ErrorKind,
  /** One line: what happened. */
  message: z.string(),
  /** One line, plain words: what to do about it. */
  hint: z.string(),
  status: z.number().int().optional(),
  problem: ProblemDetails.optional(),
  /** Form field (or request path such as `processingTerminalId`) → messages naming the rule that failed. */
  fields: z.record(z.string(), z.array(z.string())).optional(),
  /** Journal entry holding the raw exchange, when one exists. */
  journalId: z.string().optional(),
})
export type AppError = z.infer<typeof AppError>

export type Ok<T> = { ok: true; value: T }
export type Err = { ok: false; error: AppError }
export type Result<T> = Ok<T> | Err

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value })
export const err = (error: AppError): Err => ({ ok: false, error })

export const resultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: AppError }),
  ])

/** Turns zod issues into `{ field: [message] }`, each message naming the field and the rule. */
export function issuesToFields(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)'
    // Named as the UI labels the field (field-labels.ts).
    const message = labelledMessage(key, issue.message)
    ;(fields[key] ??= []).push(message)
  }
  return fields
}

export function validationError(error: z.ZodError, what = 'The request'): AppError {
  const fields = issuesToFields(error)
  const first = Object.values(fields)[0]?.[0] ?? 'invalid input'
  const count = Object.keys(fields).length
  return {
    kind: 'validation',
    message:
      count > 1 ? `${what} has ${count} invalid fields; first: ${first}` : `${what} is invalid: ${first}`,
    hint: 'Correct the highlighted fields and try again; nothing was sent or saved.',
    fields,
  }
}

/** Parse with a schema, returning a Result with a validation error that names each field and rule. */
export function parseWith<T extends z.ZodType>(schema: T, input: unknown, what?: string): Result<z.infer<T>> {
  const parsed = schema.safeParse(input)
  return parsed.success ? ok(parsed.data) : err(validationError(parsed.error, what))
}
