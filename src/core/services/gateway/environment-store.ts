/**
 * Sandbox (the embedded gateway), UAT, Production and the user's custom environments. Custom ones and the last
 * selection persist in `settings.json` in the data folder.
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
import { err, ok, parseWith, type Result } from '../../../shared/result'
import type { Logger } from '../../app-types'
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
  return { ...env, kind: 'custom', requiresConfirmation }
}

export const SaveCustomInput = CustomEnvironmentInput.extend({ id: EnvironmentId.optional() })
export type SaveCustomInput = z.input<typeof SaveCustomInput>

export class Environments {
  /** Serializes writes so two quick saves cannot interleave their read-modify-write. */
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(
    private readonly file: string,
    private readonly sandboxUrl: string,
    private settings: Settings,
    private readonly logger: Logger,
  ) {}

  static async open(dataDir: string, sandboxUrl: string, logger: Logger): Promise<Environments> {
    const file = path.join(dataDir, SETTINGS_FILE)
    const loaded = await loadJsonFile(file, Settings, freshSettings, logger)
    return new Environments(file, sandboxUrl, loaded.data, logger)
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
      const stored: StoredCustom = { id, ...rest, defaultLibVersion: defaultLibVersion ?? UAT_LIB_VERSION }
      const customEnvironments = [...existing.filter((env) => env.id !== id), stored]
      this.logger.log('info', 'custom environment saved', { id, apiBase: stored.apiBase })
      return ok({ next: { ...settings, customEnvironments }, value: customInfo(stored) })
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
