/**
 * Payroc's official OpenAPI 3.1 spec (../shared/payroc, beside the project — never part of it) as a test
 * oracle. The whole document is added to ajv (JSON Schema 2020-12) as one resource, so a `#/components/…`
 * reference anywhere in it resolves; each response schema is compiled by its JSON pointer on first use.
 *
 * A fresh clone has no ../shared: loadPayrocSpec() then says why, and the caller skips (never passes).
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020'
import addFormatsModule from 'ajv-formats'
import { load } from 'js-yaml'

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const SPEC_RELATIVE_PATH = '../shared/payroc/openapi/payroc-openapi-spec.yaml'
export const SPEC_PATH = resolve(PROJECT_ROOT, SPEC_RELATIVE_PATH)
/** The servers in the spec end in /v1; the sandbox's API base is its url + '/v1' (INTERFACES.md). */
export const API_PREFIX = '/v1'

const SPEC_KEY = 'payroc-openapi'
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

/**
 * Formats the spec names beyond JSON Schema's and ajv-formats' own. iso-639-1 is a two-letter lowercase
 * language code and is checked. The others are named but never defined by Payroc ('datetime' is likely a
 * typo of date-time); checking them would be our invention, so they stay annotations.
 */
const ISO_639_1 = /^[a-z]{2}$/
const ANNOTATION_FORMATS = ['datetime', 'hexadecimal', 'html', 'iso-3166-1', 'percentage'] as const

interface MediaTypeObject {
  schema?: unknown
  example?: unknown
  examples?: Record<string, { summary?: string; value?: unknown }>
}
interface ResponseObject {
  description?: string
  content?: Record<string, MediaTypeObject>
  headers?: Record<string, unknown>
}
interface OperationObject {
  operationId?: string
  requestBody?: { content?: Record<string, MediaTypeObject> }
  responses?: Record<string, ResponseObject>
}
interface OpenApiDocument {
  openapi: string
  info: { version: string }
  paths: Record<string, Partial<Record<(typeof METHODS)[number], OperationObject>>>
}

export interface SpecOperation {
  operationId: string
  /** Upper case, e.g. POST. */
  method: string
  /** As in the spec, e.g. /processing-terminals/{processingTerminalId}/secure-tokens. */
  path: string
  responses: Record<string, ResponseObject>
  /** The request body's media types (with their examples), when the operation takes one. */
  requestContent: Record<string, MediaTypeObject>
  /** JSON pointer of the operation inside the document. */
  pointer: string
  matches(path: string): boolean
}

export interface SpecExample {
  operationId: string
  status: string
  contentType: string
  name: string
  value: unknown
}

/** One way an answer differs from what the spec documents. */
export interface Mismatch {
  /** e.g. "POST /processing-terminals/{processingTerminalId}/secure-tokens (createSecureToken)". */
  route: string
  status: number
  kind: 'operation' | 'status' | 'content-type' | 'body' | 'schema' | 'example' | 'description'
  /** JSON pointer into the body ('' = the whole body). */
  pointer: string
  /** What the spec wants there. */
  wants: string
  /** What the answer has there. */
  sends: string
}

/** An HTTP answer as the conformance suite saw it on the wire. */
export interface WireAnswer {
  method: string
  /** Path as requested, including API_PREFIX, without the query. */
  path: string
  status: number
  /** The Content-Type header, or '' when absent. */
  contentType: string
  text: string
}

/** `absent`: no file (a fresh clone: skip); otherwise the file is there but unusable (a failure, not a skip). */
export type SpecAvailability =
  { available: true; spec: PayrocSpec } | { available: false; absent: boolean; reason: string }

/** Loads the spec, or says why it cannot (absent, unreadable, not the expected document). */
export function loadPayrocSpec(path: string = SPEC_PATH): SpecAvailability {
  if (!existsSync(path)) {
    return {
      available: false,
      absent: true,
      reason: `${path === SPEC_PATH ? SPEC_RELATIVE_PATH : path} is absent (Payroc's spec sits beside the project, not in it; a fresh clone has no ../shared)`,
    }
  }
  try {
    return { available: true, spec: new PayrocSpec(load(readFileSync(path, 'utf8'))) }
  } catch (error) {
    return {
      available: false,
      absent: false,
      reason: `${path} could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
    }
  }
}

export class PayrocSpec {
  readonly version: string
  readonly operations: readonly SpecOperation[]
  private readonly ajv: Ajv2020
  private readonly validators = new Map<string, ValidateFunction>()

  constructor(raw: unknown) {
    if (!isDocument(raw)) throw new Error('not an OpenAPI 3.1 document with paths')
    this.version = raw.info.version
    // OpenAPI's own keywords (example, discriminator, xml, externalDocs, x-…) are not JSON Schema: strict off.
    // discriminator is left unimplemented on purpose: oneOf alone carries the spec's meaning.
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true })
    // ajv-formats is CommonJS; depending on the loader its default export arrives wrapped once more.
    const addFormats = (
      typeof addFormatsModule === 'function'
        ? addFormatsModule
        : (addFormatsModule as unknown as { default: typeof addFormatsModule }).default
    ) as typeof addFormatsModule
    addFormats(this.ajv)
    this.ajv.addFormat('iso-639-1', ISO_639_1)
    for (const name of ANNOTATION_FORMATS) this.ajv.addFormat(name, true)
    // The document itself is not a schema (openapi, info, paths…): skip meta-validation of the whole, keep
    // it as one resource so fragments and #/components refs resolve.
    this.ajv.addSchema(raw as object, SPEC_KEY, undefined, false)

    const operations: SpecOperation[] = []
    for (const [path, item] of Object.entries(raw.paths)) {
      for (const method of METHODS) {
        const operation = item[method]
        if (!operation?.operationId) continue
        const pattern = new RegExp(
          `^${path
            .split('/')
            .map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : escapeRegExp(segment)))
            .join('/')}$`,
        )
        operations.push({
          operationId: operation.operationId,
          method: method.toUpperCase(),
          path,
          responses: operation.responses ?? {},
          requestContent: operation.requestBody?.content ?? {},
          pointer: `/paths/${escapePointer(path)}/${method}`,
          matches: (candidate) => pattern.test(candidate),
        })
      }
    }
    this.operations = operations
  }

  operation(operationId: string): SpecOperation {
    const found = this.operations.find((operation) => operation.operationId === operationId)
    if (!found) throw new Error(`the spec has no operation ${operationId}`)
    return found
  }

  /** The operation for a request path under API_PREFIX (static segments beat parameters), or undefined. */
  find(method: string, requestPath: string): SpecOperation | undefined {
    if (!requestPath.startsWith(`${API_PREFIX}/`)) return undefined
    const path = requestPath.slice(API_PREFIX.length)
    const candidates = this.operations.filter(
      (operation) => operation.method === method.toUpperCase() && operation.matches(path),
    )
    candidates.sort((a, b) => paramCount(a.path) - paramCount(b.path))
    return candidates[0]
  }

  /** Every example response the spec gives for an operation. */
  examples(operationId: string): SpecExample[] {
    const operation = this.operation(operationId)
    const out: SpecExample[] = []
    for (const [status, response] of Object.entries(operation.responses)) {
      for (const [contentType, media] of Object.entries(response.content ?? {})) {
        if (media.example !== undefined) {
          out.push({ operationId, status, contentType, name: 'example', value: media.example })
        }
        for (const [name, example] of Object.entries(media.examples ?? {})) {
          if (example.value !== undefined)
            out.push({ operationId, status, contentType, name, value: example.value })
        }
      }
    }
    return out
  }

  /** Every example request body the spec gives for an operation (status '' : a request has none). */
  requestExamples(operationId: string): SpecExample[] {
    const operation = this.operation(operationId)
    const out: SpecExample[] = []
    for (const [contentType, media] of Object.entries(operation.requestContent)) {
      if (media.example !== undefined) {
        out.push({ operationId, status: '', contentType, name: 'example', value: media.example })
      }
      for (const [name, example] of Object.entries(media.examples ?? {})) {
        if (example.value !== undefined)
          out.push({ operationId, status: '', contentType, name, value: example.value })
      }
    }
    return out
  }

  /** The spec's response object for a status: exact code, then its class (4XX), then default. */
  response(operation: SpecOperation, status: number): { key: string; response: ResponseObject } | undefined {
    for (const key of [String(status), `${String(status)[0]}XX`, 'default']) {
      const response = operation.responses[key]
      if (response) return { key, response }
    }
    return undefined
  }

  /** Every way `answer` differs from the spec: operation, documented status, content type, body schema. */
  check(answer: WireAnswer): Mismatch[] {
    const operation = this.find(answer.method, answer.path)
    const only = (route: string, kind: Mismatch['kind'], wants: string, sends: string): Mismatch[] => [
      { route, status: answer.status, kind, pointer: '', wants, sends },
    ]
    if (!operation) {
      return only(
        `${answer.method} ${answer.path}`,
        'operation',
        'an operation the spec documents',
        'an answer on a route the spec does not have',
      )
    }
    const route = `${operation.method} ${operation.path} (${operation.operationId})`
    const found = this.response(operation, answer.status)
    if (!found) {
      const statuses = Object.keys(operation.responses).join(', ')
      return only(route, 'status', `one of the documented statuses ${statuses}`, String(answer.status))
    }
    const content = found.response.content ?? {}
    const documented = Object.keys(content)
    if (documented.length === 0) {
      return answer.text === '' ? [] : only(route, 'body', 'no body', `${answer.text.length} characters`)
    }
    const mediaType = answer.contentType.split(';')[0]?.trim().toLowerCase() ?? ''
    const contentKey = documented.find((key) => key.toLowerCase() === mediaType)
    if (!contentKey) {
      const sent = answer.contentType === '' ? '(no Content-Type)' : answer.contentType
      return only(route, 'content-type', documented.join(' or '), sent)
    }
    let body: unknown
    try {
      body = JSON.parse(answer.text)
    } catch {
      return only(
        route,
        'body',
        `a JSON body (${contentKey})`,
        `unparseable text: ${answer.text.slice(0, 80)}`,
      )
    }
    const pointer = `${operation.pointer}/responses/${escapePointer(found.key)}/content/${escapePointer(contentKey)}/schema`
    if (content[contentKey]?.schema === undefined) return []
    return this.schemaErrors(pointer, body).map((error) => ({
      route,
      status: answer.status,
      kind: 'schema' as const,
      pointer: error.instancePath,
      wants: describeError(error),
      sends: describeValue(valueAt(body, error.instancePath)),
    }))
  }

  /**
   * For a problem answer: whether its `type` and `title` are a pair the spec's own examples give for that
   * status (the schema only says "string"; the examples are Payroc's actual values). The operation's own
   * examples come first; as they are incomplete (accountUpdate requires an Idempotency-Key but shows no
   * missing-key example), a pair the spec gives for the same status on another operation is accepted too.
   */
  checkProblemExample(answer: WireAnswer): Mismatch[] {
    const operation = this.find(answer.method, answer.path)
    if (!operation) return []
    const found = this.response(operation, answer.status)
    if (!found) return []
    let body: unknown
    try {
      body = JSON.parse(answer.text)
    } catch {
      return []
    }
    if (!isRecord(body)) return []
    const own = problemPairs(found.response)
    if (own.size === 0) return []
    const sent = `${String(body.type)} | ${String(body.title)}`
    if (own.has(sent)) return []
    const elsewhere = new Set<string>()
    for (const other of this.operations) {
      const response = other.responses[found.key]
      if (response) for (const pair of problemPairs(response)) elsewhere.add(pair)
    }
    if (elsewhere.has(sent)) return []
    return [
      {
        route: `${operation.method} ${operation.path} (${operation.operationId})`,
        status: answer.status,
        kind: 'example',
        pointer: '/type, /title',
        wants: `a type | title pair of the spec's ${found.key} examples, e.g. ${[...own].join(' ; ')}`,
        sends: sent,
      },
    ]
  }

  /** ajv errors for `value` against the schema at `pointer` in the document. */
  schemaErrors(pointer: string, value: unknown): ErrorObject[] {
    let validate = this.validators.get(pointer)
    if (!validate) {
      const ref = `${SPEC_KEY}#${pointer
        .split('/')
        .map((segment) => encodeURIComponent(segment))
        .join('/')}`
      const compiled = this.ajv.getSchema(ref)
      if (!compiled) throw new Error(`no schema at ${pointer}`)
      validate = compiled
      this.validators.set(pointer, validate)
    }
    return validate(value) ? [] : [...(validate.errors ?? [])]
  }

  /** The pointer of a response schema, for schemaErrors. */
  responseSchemaPointer(operationId: string, status: string, contentType: string): string {
    const operation = this.operation(operationId)
    return `${operation.pointer}/responses/${escapePointer(status)}/content/${escapePointer(contentType)}/schema`
  }
}

/** The `type | title` pairs of a response's examples. */
function problemPairs(response: ResponseObject): Set<string> {
  const pairs = new Set<string>()
  for (const media of Object.values(response.content ?? {})) {
    for (const example of Object.values(media.examples ?? {})) {
      if (isRecord(example.value)) pairs.add(`${String(example.value.type)} | ${String(example.value.title)}`)
    }
  }
  return pairs
}

function isDocument(value: unknown): value is OpenApiDocument {
  return (
    isRecord(value) &&
    typeof value.openapi === 'string' &&
    value.openapi.startsWith('3.1') &&
    isRecord(value.info) &&
    typeof value.info.version === 'string' &&
    isRecord(value.paths)
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function paramCount(path: string): number {
  return (path.match(/\{/g) ?? []).length
}

/** The value at a JSON pointer ('' = the whole value). */
export function valueAt(value: unknown, pointer: string): unknown {
  if (pointer === '') return value
  let current: unknown = value
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (Array.isArray(current)) current = current[Number(key)]
    else if (isRecord(current)) current = current[key]
    else return undefined
  }
  return current
}

function describeError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'required':
      return `required property '${String(params.missingProperty)}'`
    case 'additionalProperties':
      return `no property '${String(params.additionalProperty)}'`
    case 'enum':
      return `one of ${JSON.stringify(params.allowedValues)}`
    default:
      return `${error.message ?? error.keyword} (${error.schemaPath.replace(/^.*#/, '#')})`
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return '(absent)'
  const text = JSON.stringify(value)
  return text.length > 160 ? `${text.slice(0, 157)}...` : text
}
