/**
 * The whole IPC / bridge surface: channel → request schema → response schema. Both transports (Electron IPC
 * and the browser preview's HTTP bridge) validate every payload with these schemas.
 */
import { z } from 'zod'
import type { Channel } from './channels'
import { CustomEnvironmentInput, EnvironmentId, EnvironmentInfo, ProfileName } from './environments'
import {
  BatchIdRequest,
  BatchSnapshot,
  BatchStarted,
  BatchStartRequest,
  BundleExport,
  BundleRequest,
  ClearedData,
  CsvExport,
  HistoryFilter,
  HistoryList,
  HistoryRerunRequest,
  JournalCurl,
  JournalCurlRequest,
  PreflightReport,
  PreflightRequest,
  type BatchProgressEvent,
} from './diagnostics'
import {
  LibVersion,
  ProblemDetails,
  ProcessingTerminalId,
  Scenario,
  SecureToken,
  SecureTokenId,
} from './payroc'
import { ErrorKind } from './result'

const Empty = z.object({}).strict()
const Target = z.object({ environmentId: EnvironmentId, profile: ProfileName }).strict()

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  transport: z.enum(['electron', 'web']),
  /** Origin of the Hosted Fields test page (a second loopback origin). */
  testPageOrigin: z.string(),
  /** The embedded sandbox's base URL (not a secret: tests drive its control API through it). */
  sandboxUrl: z.string(),
  dataDir: z.string(),
})
export type AppInfo = z.infer<typeof AppInfo>

export const EnvironmentList = z.object({ environments: z.array(EnvironmentInfo), sandboxUrl: z.string() })
export type EnvironmentList = z.infer<typeof EnvironmentList>

export const VaultStatus = z.object({
  environmentId: EnvironmentId,
  profile: ProfileName,
  configured: z.boolean(),
  /** First 4 … last 4 of the stored key; never the key. */
  masked: z.string().optional(),
  /** 'managed': the sandbox's key, configured automatically, no keychain needed. */
  source: z.enum(['keychain', 'managed', 'none']),
  keychain: z.object({ available: z.boolean(), message: z.string().optional(), hint: z.string().optional() }),
  profiles: z.array(ProfileName),
})
export type VaultStatus = z.infer<typeof VaultStatus>

export const ApiKeyInput = z
  .string({ error: 'apiKey must be a string' })
  .min(8, { error: 'apiKey must be at least 8 characters' })
  .max(512, { error: 'apiKey must be at most 512 characters' })
  .regex(/^[\x21-\x7e]+$/, { error: 'apiKey must be printable ASCII without spaces' })

export const CredentialTest = z.object({
  tokenType: z.string(),
  expiresIn: z.number(),
  scope: z.string().optional(),
  durationMs: z.number(),
  journalId: z.string(),
})
export type CredentialTest = z.infer<typeof CredentialTest>

export const CreateSessionInput = z
  .object({
    environmentId: EnvironmentId,
    profile: ProfileName,
    processingTerminalId: ProcessingTerminalId,
    scenario: Scenario,
    libVersion: LibVersion,
    secureTokenId: SecureTokenId.optional(),
    /** Production creates only with an explicit yes from the confirmation dialog. */
    confirmProduction: z.boolean().optional(),
  })
  .strict()
export type CreateSessionInput = z.infer<typeof CreateSessionInput>

export const SessionCreated = z.object({
  environmentId: EnvironmentId,
  processingTerminalId: z.string(),
  scenario: Scenario,
  libVersion: z.string(),
  secureTokenId: z.string().optional(),
  /** Full session token: shown in the token card only. */
  token: z.string(),
  expiresAt: z.string(),
  /** The gateway's Date header (ISO), so countdowns correct for clock skew. */
  serverDate: z.string().optional(),
  /** This machine's clock when the response arrived (ISO). */
  receivedAt: z.string(),
  location: z.string().optional(),
  idempotencyKey: z.string(),
  attempts: z.number().int(),
  durationMs: z.number(),
  journalId: z.string(),
})
export type SessionCreated = z.infer<typeof SessionCreated>

/** A single-use token from the library's submissionSuccess (30 minutes, one use). */
export const SingleUseToken = z
  .string({ error: 'singleUseToken must be a string' })
  .min(1, { error: 'singleUseToken must not be empty' })
  .max(200, { error: 'singleUseToken must be at most 200 characters' })

/** secureToken:save — POST /processing-terminals/{id}/secure-tokens with source.type singleUseToken. */
export const SaveSecureTokenInput = z
  .object({
    environmentId: EnvironmentId,
    profile: ProfileName,
    processingTerminalId: ProcessingTerminalId,
    singleUseToken: SingleUseToken,
    /** The merchant's own id for the saved details; the gateway makes one (MREF_…) when omitted. */
    secureTokenId: SecureTokenId.optional(),
    confirmProduction: z.boolean().optional(),
  })
  .strict()
export type SaveSecureTokenInput = z.infer<typeof SaveSecureTokenInput>

/** secureToken:update — POST …/secure-tokens/{secureTokenId}/update-account with the single-use token. */
export const UpdateSecureTokenInput = SaveSecureTokenInput.extend({ secureTokenId: SecureTokenId }).strict()
export type UpdateSecureTokenInput = z.infer<typeof UpdateSecureTokenInput>

/** The gateway's secure token (full token: shown in the flow that produced it only) plus the exchange. */
export const SecureTokenSaved = SecureToken.extend({
  idempotencyKey: z.string(),
  attempts: z.number().int(),
  durationMs: z.number(),
  journalId: z.string(),
})
export type SecureTokenSaved = z.infer<typeof SecureTokenSaved>

export const JournalOperation = z.enum([
  'authorize',
  'create-session',
  'secure-token:create',
  'secure-token:update',
])
export const JournalAttempt = z.object({
  n: z.number().int(),
  method: z.string(),
  url: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  request: z.object({ headers: z.record(z.string(), z.string()), body: z.string().optional() }),
  response: z
    .object({
      status: z.number().int(),
      headers: z.record(z.string(), z.string()),
      body: z.string().optional(),
    })
    .optional(),
  error: z.object({ kind: ErrorKind, message: z.string(), code: z.string().optional() }).optional(),
  /** Why another attempt followed, and after how long. */
  retry: z.object({ reason: z.string(), delayMs: z.number() }).optional(),
  /** Plain-language hint for a failed attempt (error status or transport failure). */
  hint: z.string().optional(),
})
export type JournalAttempt = z.infer<typeof JournalAttempt>
export const JournalEntry = z.object({
  id: z.string(),
  operation: JournalOperation,
  environmentId: EnvironmentId,
  profile: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  idempotencyKey: z.string().optional(),
  outcome: z.enum(['ok', 'error']),
  errorKind: ErrorKind.optional(),
  status: z.number().int().optional(),
  /** Why the request failed, for the inspector: one line, the hint, and the problem details laid out. */
  error: z.object({ message: z.string(), hint: z.string(), problem: ProblemDetails.optional() }).optional(),
  attempts: z.array(JournalAttempt),
})
export type JournalEntry = z.infer<typeof JournalEntry>
export const JournalSummary = JournalEntry.omit({ attempts: true }).extend({ attemptCount: z.number().int() })
export type JournalSummary = z.infer<typeof JournalSummary>

export const contract = {
  'app:info': { request: Empty, response: AppInfo },
  'environment:list': { request: Empty, response: EnvironmentList },
  /** Picks the active environment + profile and pre-warms its Bearer token in the background. */
  'environment:select': { request: Target, response: z.object({ prewarming: z.boolean() }) },
  'environment:saveCustom': {
    request: CustomEnvironmentInput.extend({ id: EnvironmentId.optional() }).strict(),
    response: EnvironmentInfo,
  },
  'environment:deleteCustom': {
    request: z.object({ environmentId: EnvironmentId }).strict(),
    response: Empty,
  },
  'vault:status': { request: Target, response: VaultStatus },
  'vault:setKey': { request: Target.extend({ apiKey: ApiKeyInput }).strict(), response: VaultStatus },
  'vault:deleteKey': { request: Target, response: VaultStatus },
  'vault:test': { request: Target, response: CredentialTest },
  'session:create': { request: CreateSessionInput, response: SessionCreated },
  'journal:get': { request: z.object({ id: z.string().min(1).max(100) }).strict(), response: JournalEntry },
  'journal:list': {
    request: z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict(),
    response: z.object({ entries: z.array(JournalSummary) }),
  },
  /** "Copy as cURL": secrets become $PAYROC_API_KEY / $PAYROC_BEARER. */
  'journal:curl': { request: JournalCurlRequest, response: JournalCurl },
  'history:list': { request: HistoryFilter, response: HistoryList },
  'history:rerun': { request: HistoryRerunRequest, response: SessionCreated },
  'history:exportCsv': { request: HistoryFilter, response: CsvExport },
  'history:clear': { request: Empty, response: Empty },
  'bundle:export': { request: BundleRequest, response: BundleExport },
  'preflight:run': { request: PreflightRequest, response: PreflightReport },
  'batch:start': { request: BatchStartRequest, response: BatchStarted },
  'batch:cancel': { request: BatchIdRequest, response: BatchSnapshot },
  'batch:get': { request: BatchIdRequest, response: BatchSnapshot },
  'batch:exportCsv': { request: BatchIdRequest, response: CsvExport },
  'secureToken:save': { request: SaveSecureTokenInput, response: SecureTokenSaved },
  'secureToken:update': { request: UpdateSecureTokenInput, response: SecureTokenSaved },
  /** Removes history, settings and this app's keychain entries (never other apps' items). */
  'app:clearAllData': { request: Empty, response: ClearedData },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>

export type Contract = typeof contract
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>

/** Push events from main. */
export type ConsoleEvent =
  | { type: 'journal'; entry: JournalSummary }
  | { type: 'prewarm'; environmentId: string; profile: string; ok: boolean; message?: string }
  | BatchProgressEvent
