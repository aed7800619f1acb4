/**
 * The support bundle: what a ticket needs to diagnose one session — app version, platform, the environment
 * (URLs only), the journal entries (with the identity exchange that preceded the create), the latest preflight
 * for that environment — as redacted JSON, plus HAR 1.2 of the same exchanges. The journal is already redacted;
 * every string is scrubbed once more (known secrets and secret-shaped patterns) as the last line of defence.
 */
import os from 'node:os'
import type { AppInfo, HistoryFlow, JournalEntry } from '../../../shared/contract'
import type { PreflightReport } from '../../../shared/diagnostics'
import type { PageCheckReport } from '../../../shared/contract/merchantPage'
import type { EnvironmentInfo } from '../../../shared/environments'
import { scrubLine } from '../storage/file-log'
import { exportFilename } from './csv'
import { buildHar } from './har'

export const BUNDLE_FORMAT = 'hosted-fields-console/support-bundle@1'
const RECENT_ENTRIES = 20

/** Every string in a JSON-like value through `scrub` (keys included: a secret could be echoed as a key). */
export function scrubDeep(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === 'string') return scrub(value)
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, scrub))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [scrub(key), scrubDeep(item, scrub)]),
    )
  }
  return value
}

/**
 * The entries a bundle is about: the chosen entry plus the identity call that preceded it for the same
 * credential (a 401 is often explained there), or the recent entries of that environment + profile.
 */
export function bundleEntries(
  all: readonly JournalEntry[],
  environmentId: string,
  profile: string,
  journalId?: string,
): JournalEntry[] {
  const mine = all.filter((entry) => entry.environmentId === environmentId && entry.profile === profile)
  if (journalId === undefined) return mine.slice(-RECENT_ENTRIES)
  const chosen = all.find((entry) => entry.id === journalId)
  if (!chosen) return []
  const identity = mine
    .filter((entry) => entry.operation === 'authorize' && entry.startedAt <= chosen.startedAt)
    .at(-1)
  return identity && identity.id !== chosen.id ? [identity, chosen] : [chosen]
}

export interface BundleAttempt {
  historyId: string
  at: string
  processingTerminalId: string
  scenario: string
  journalId?: string
  verdict?: { tone: string; sentence: string; hint: string; historyOutcome: string }
  /** A flow after the form (payment, bank transfer, secure token, single-use token) and its call. */
  kind?: string
  flow?: HistoryFlow
}

export interface BundleInput {
  info: AppInfo
  environment: EnvironmentInfo
  profile: string
  entries: JournalEntry[]
  preflight?: PreflightReport
  /** The latest merchant page check in this environment (the redacted report only, never the recording). */
  pageCheck?: PageCheckReport
  /** The History entries behind these exchanges (sessions and flows), each with its combined verdict. */
  attempts?: readonly BundleAttempt[]
  knownSecrets: readonly string[]
  now?: Date
}

export function buildBundle(input: BundleInput): { filename: string; json: string; har: string } {
  const now = input.now ?? new Date()
  const scrub = (text: string) => scrubLine(text, input.knownSecrets)
  const { environment } = input
  const document = {
    format: BUNDLE_FORMAT,
    createdAt: now.toISOString(),
    app: { name: input.info.name, version: input.info.version, transport: input.info.transport },
    platform: {
      os: `${os.type()} ${os.release()}`,
      arch: process.arch,
      node: process.versions.node,
      ...(process.versions['electron'] ? { electron: process.versions['electron'] } : {}),
    },
    environment: {
      id: environment.id,
      name: environment.name,
      kind: environment.kind,
      apiBase: environment.apiBase,
      identityBase: environment.identityBase,
      cdnBase: environment.cdnBase,
      defaultLibVersion: environment.defaultLibVersion,
      profile: input.profile,
    },
    journal: input.entries,
    attempts: input.attempts ?? [],
    preflight: input.preflight ?? null,
    merchantPageCheck: input.pageCheck ?? null,
  }
  const har = buildHar(input.entries, { name: input.info.name, version: input.info.version })
  return {
    filename: exportFilename('support-bundle', 'json', now),
    json: `${JSON.stringify(scrubDeep(document, scrub), null, 2)}\n`,
    har: `${JSON.stringify(scrubDeep(har, scrub), null, 2)}\n`,
  }
}
