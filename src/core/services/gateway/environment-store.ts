/**
 * Sandbox (the embedded gateway), UAT, Production and the user's custom environments. Custom ones and the last
 * selection persist in `settings.json` in the data folder.
 *
 * A settings.json that is not what this version expects (a hand edit, a newer app's file) is never dropped
 * silently: its content is kept in a timestamped `settings.json.corrupt-<time>` copy, every custom environment
 * in it that is still valid is recovered, and a notice naming the file and the copy is shown in the UI
 * (`notices`, reported by app:info). A folder or an unreadable file in its place stops start-up with an error
 * naming it (DataFileError).
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import {
  CUSTOM_PREFIX,
  CustomEnvironmentInput,
  DEFAULT_PROFILE,
  EnvironmentId,
  PAYROC_ENVIRONMENTS,
  ProfileName,
  UAT_LIB_VERSION,
  sandboxEnvironment,
  slugify,
  type EnvironmentInfo,
} from '../../../shared/environments'
import { pointsAtProduction } from '../../../shared/production-host'
import { err, ok, parseWith, type AppError, type Result } from '../../../shared/result'
import type { Logger } from '../../app-types'
import type { FileProblem } from '../storage/file-problems'
import { loadJsonFile, writeJsonFileAtomic } from '../storage/json-file'

export const SETTINGS_FILE = 'settings.json'
export const SETTINGS_VERSION = 1

const StoredCustom = z.object({
  id: EnvironmentId,
  name: z.string(),
  apiBase: z.string(),
  identityBase: z.string(),
  cdnBase: z.string(),
  defaultLibVersion: z.string(),
  /**
   * Set when an edit changed the API or identity host: the stored keys are held (never sent, no pre-warm) until
   * the user confirms them per profile in Credentials; `released` lists the profiles confirmed since.
   */
  keyHold: z.object({ released: z.array(ProfileName) }).optional(),
})
type StoredCustom = z.infer<typeof StoredCustom>

const Settings = z.object({
  version: z.literal(SETTINGS_VERSION),
  customEnvironments: z.array(StoredCustom),
  selected: z.object({ environmentId: EnvironmentId, profile: ProfileName }).optional(),
})
export type Settings = z.infer<typeof Settings>

const freshSettings = (): Settings => ({ version: SETTINGS_VERSION, customEnvironments: [] })

/**
 * Whether a stored custom environment points at production, per stored object: settings are replaced, never
 * changed in place, so the URL parsing runs once per saved version instead of on every `get` (every create).
 */
const productionCheck = new WeakMap<StoredCustom, boolean>()

const customInfo = (env: StoredCustom): EnvironmentInfo => {
  let requiresConfirmation = productionCheck.get(env)
  if (requiresConfirmation === undefined) {
    requiresConfirmation = pointsAtProduction(env)
    productionCheck.set(env, requiresConfirmation)
  }
  const { keyHold: _keyHold, ...info } = env
  return { ...info, kind: 'custom', requiresConfirmation }
}

/** scheme://host:port of a base URL (the recipient of what is sent there); the text itself if it is no URL. */
const originOf = (base: string): string => {
  try {
    return new URL(base).origin
  } catch {
    return base
  }
}

/** Whether an edit sends to a new recipient: the API or identity origin changed (a path change does not). */
export const hostsChanged = (
  before: Pick<StoredCustom, 'apiBase' | 'identityBase'>,
  after: Pick<StoredCustom, 'apiBase' | 'identityBase'>,
): boolean =>
  originOf(before.apiBase) !== originOf(after.apiBase) ||
  originOf(before.identityBase) !== originOf(after.identityBase)

/** What Credentials asks about a held key: the identity host it would now be sent to. */
export interface KeyHold {
  identityHost: string
}

export const SaveCustomInput = CustomEnvironmentInput.extend({ id: EnvironmentId.optional() })
export type SaveCustomInput = z.input<typeof SaveCustomInput>

interface Recovered {
  settings: Settings
  /** Custom environments found in the file, and how many of them were valid. */
  found: number
}

/** What can still be used of a settings file that failed validation: each valid custom environment, the selection. */
export function recoverSettings(raw: unknown): Recovered {
  const object = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const list = Array.isArray(object['customEnvironments']) ? (object['customEnvironments'] as unknown[]) : []
  const seen = new Set<string>()
  const customEnvironments: StoredCustom[] = []
  for (const item of list) {
    const parsed = StoredCustom.safeParse(item)
    if (parsed.success && !seen.has(parsed.data.id)) {
      seen.add(parsed.data.id)
      customEnvironments.push(parsed.data)
    }
  }
  const selected = Settings.shape.selected.safeParse(object['selected'])
  return {
    settings: {
      version: SETTINGS_VERSION,
      customEnvironments,
      ...(selected.success && selected.data ? { selected: selected.data } : {}),
    },
    found: list.length,
  }
}

function recoveryNotice(problem: FileProblem, found: number | undefined, recovered: number): string {
  const name = path.basename(problem.file)
  const what =
    problem.kind === 'invalid-json'
      ? 'is not valid JSON'
      : `does not have the expected content (${problem.detail})`
  const custom =
    found === undefined
      ? 'Its custom environments could not be read: they are only in the copy.'
      : found === 0
        ? 'It held no custom environments.'
        : recovered === found
          ? `All ${found} custom environments in it were recovered.`
          : `${recovered} of ${found} custom environments in it were recovered; the others are only in the copy.`
  return `${name} ${what}. Its content was kept as ${problem.keptAs ?? '(no copy)'}. ${custom}`
}

export class Environments {
  /** Serializes writes so two quick saves cannot interleave their read-modify-write. */
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(
    private readonly file: string,
    private readonly sandboxUrl: string,
    private settings: Settings,
    private readonly logger: Logger,
    /** Problems met loading settings.json, one line each naming it and where its content was kept. */
    readonly notices: readonly string[] = [],
  ) {}

  static async open(dataDir: string, sandboxUrl: string, logger: Logger): Promise<Environments> {
    const file = path.join(dataDir, SETTINGS_FILE)
    const loaded = await loadJsonFile(file, Settings, freshSettings, logger)
    if (!loaded.problem?.keptAs) return new Environments(file, sandboxUrl, loaded.data, logger)
    const { problem } = loaded
    let raw: unknown
    try {
      raw = JSON.parse(await fs.readFile(problem.keptAs ?? file, 'utf8'))
    } catch {
      raw = undefined
    }
    const { settings, found } = recoverSettings(raw)
    const readable = raw !== undefined
    // The recovered settings replace the file (its old content stays in the copy), so the next start is clean.
    await writeJsonFileAtomic(file, settings)
    const notice = recoveryNotice(problem, readable ? found : undefined, settings.customEnvironments.length)
    logger.log('warn', notice, { file, keptAs: problem.keptAs })
    return new Environments(file, sandboxUrl, settings, logger, [notice])
  }

  list(): EnvironmentInfo[] {
    return [
      sandboxEnvironment(this.sandboxUrl),
      { id: 'uat', ...PAYROC_ENVIRONMENTS.uat },
      { id: 'production', ...PAYROC_ENVIRONMENTS.production },
      ...this.settings.customEnvironments.map(customInfo),
    ]
  }

  get(id: string): EnvironmentInfo | undefined {
    return this.list().find((env) => env.id === id)
  }

  selected(): { environmentId: string; profile: string } {
    const selected = this.settings.selected
    return selected && this.get(selected.environmentId)
      ? selected
      : { environmentId: 'sandbox', profile: DEFAULT_PROFILE }
  }

  private mutate<T>(
    change: (settings: Settings) => Result<{ next: Settings; value: T }>,
  ): Promise<Result<T>> {
    const run = async (): Promise<Result<T>> => {
      const changed = change(this.settings)
      if (!changed.ok) return changed
      await writeJsonFileAtomic(this.file, changed.value.next)
      this.settings = changed.value.next
      return ok(changed.value.value)
    }
    const next = this.queue.then(run, run)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** "Clear all data": no custom environments, no selection, and no settings file. */
  async reset(): Promise<void> {
    const run = async () => {
      await fs.rm(this.file, { force: true })
      this.settings = freshSettings()
    }
    const next = this.queue.then(run, run)
    this.queue = next.catch(() => undefined)
    await next
  }

  async select(environmentId: string, profile: string): Promise<Result<EnvironmentInfo>> {
    const env = this.get(environmentId)
    if (!env) return err(unknownEnvironment(environmentId))
    return this.mutate((settings) =>
      ok({ next: { ...settings, selected: { environmentId, profile } }, value: env }),
    )
  }

  async saveCustom(input: unknown): Promise<Result<EnvironmentInfo>> {
    const parsed = parseWith(SaveCustomInput, input, 'The custom environment')
    if (!parsed.ok) return parsed
    const { id: requestedId, defaultLibVersion, ...rest } = parsed.value
    return this.mutate((settings) => {
      const existing = settings.customEnvironments
      let id = requestedId
      if (id !== undefined) {
        if (!id.startsWith(CUSTOM_PREFIX) || !existing.some((env) => env.id === id))
          return err(unknownEnvironment(id))
      } else {
        id = `${CUSTOM_PREFIX}${slugify(rest.name)}`
        if (existing.some((env) => env.id === id)) {
          return err({
            kind: 'validation',
            message: `A custom environment with the id ${id} already exists.`,
            hint: 'Choose another name, or edit the existing environment.',
            fields: { name: [`Name "${rest.name}" is already used by ${id}`] },
          })
        }
      }
      const previous = existing.find((env) => env.id === id)
      // New hosts: every stored key of this environment waits for the user's yes (Credentials) before use.
      const keyHold = previous && hostsChanged(previous, rest) ? { released: [] } : previous?.keyHold
      const stored: StoredCustom = {
        id,
        ...rest,
        defaultLibVersion: defaultLibVersion ?? UAT_LIB_VERSION,
        ...(keyHold ? { keyHold } : {}),
      }
      const customEnvironments = [...existing.filter((env) => env.id !== id), stored]
      this.logger.log('info', 'custom environment saved', {
        id,
        apiBase: stored.apiBase,
        keysHeld: keyHold !== undefined && keyHold !== previous?.keyHold,
      })
      return ok({ next: { ...settings, customEnvironments }, value: customInfo(stored) })
    })
  }

  /** The hold on this environment + profile's stored key, if its hosts changed and the user has not confirmed. */
  keyHold(environmentId: string, profile: string): KeyHold | undefined {
    const env = this.settings.customEnvironments.find((custom) => custom.id === environmentId)
    if (!env?.keyHold || env.keyHold.released.includes(profile)) return undefined
    return {
      identityHost: URL.canParse(env.identityBase) ? new URL(env.identityBase).host : env.identityBase,
    }
  }

  /**
   * The user confirmed this profile's stored key for the environment's current hosts (Confirm in Credentials),
   * or saved a new key for them: it may be sent again.
   */
  async releaseKey(environmentId: string, profile: string): Promise<Result<void>> {
    if (!this.keyHold(environmentId, profile)) return ok(undefined)
    return this.mutate((settings) => {
      const customEnvironments = settings.customEnvironments.map((env) =>
        env.id === environmentId && env.keyHold
          ? { ...env, keyHold: { released: [...env.keyHold.released, profile] } }
          : env,
      )
      this.logger.log('info', 'held api key confirmed', { id: environmentId, profile })
      return ok({ next: { ...settings, customEnvironments }, value: undefined })
    })
  }

  async deleteCustom(environmentId: string): Promise<Result<EnvironmentInfo>> {
    return this.mutate((settings) => {
      const found = settings.customEnvironments.find((env) => env.id === environmentId)
      if (!found) return err(unknownEnvironment(environmentId))
      const selected = settings.selected?.environmentId === environmentId ? undefined : settings.selected
      const next: Settings = {
        ...settings,
        customEnvironments: settings.customEnvironments.filter((env) => env.id !== environmentId),
        ...(selected ? { selected } : {}),
      }
      if (!selected) delete next.selected
      this.logger.log('info', 'custom environment deleted', { id: environmentId })
      return ok({ next, value: customInfo(found) })
    })
  }
}

export function unknownEnvironment(environmentId: string) {
  return {
    kind: 'validation' as const,
    message: `There is no ${environmentId.startsWith(CUSTOM_PREFIX) ? 'custom ' : ''}environment "${environmentId}".`,
    hint: 'Pick an environment from the list (it may have been deleted in another window).',
    fields: { environmentId: [`environmentId: unknown environment ${environmentId}`] },
  }
}

/** The answer of any call that would send a held key (create, Test credentials, batch, preflight). */
export function heldKeyError(environmentName: string | undefined, hold: KeyHold): AppError {
  return {
    kind: 'auth',
    message: `The hosts of ${environmentName ?? 'this environment'} changed, so its stored API key is held: nothing was sent to ${hold.identityHost}.`,
    hint: `In Credentials, choose Confirm to send the stored key to ${hold.identityHost}, or Delete key and save the right one.`,
  }
}
