import { z } from 'zod'
import { LibVersion } from './payroc'

export const BUILTIN_ENVIRONMENT_IDS = ['sandbox', 'uat', 'production'] as const
export const CUSTOM_PREFIX = 'custom:'

export const EnvironmentId = z
  .string({ error: 'environmentId must be a string' })
  .regex(/^(sandbox|uat|production|custom:[a-z0-9][a-z0-9-]{0,39})$/, {
    error: "environmentId must be 'sandbox', 'uat', 'production' or 'custom:<slug>'",
  })
export type EnvironmentId = z.infer<typeof EnvironmentId>

export const ProfileName = z
  .string({ error: 'profile must be a string' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$/, {
    error: 'profile must be 1–40 letters, digits, spaces, dots, dashes or underscores',
  })
export const DEFAULT_PROFILE = 'default'

export const EnvironmentKind = z.enum(['sandbox', 'uat', 'production', 'custom'])
export type EnvironmentKind = z.infer<typeof EnvironmentKind>

const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)

/** https required except for loopback hosts. */
export const BaseUrl = z
  .string({ error: 'URL must be a string' })
  .max(2000, { error: 'URL must be at most 2000 characters' })
  .refine(
    (value) => {
      try {
        const url = new URL(value)
        if (url.username || url.password || url.search || url.hash) return false
        return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))
      } catch {
        return false
      }
    },
    {
      error: 'URL must be https:// (http:// only for localhost/127.x) with no credentials, query or fragment',
    },
  )
  .transform((value) => value.replace(/\/+$/, ''))

export const EnvironmentInfo = z.object({
  id: EnvironmentId,
  name: z.string(),
  kind: EnvironmentKind,
  apiBase: z.string(),
  identityBase: z.string(),
  cdnBase: z.string(),
  defaultLibVersion: z.string(),
  /** Creating anything here needs an explicit confirmation (production). */
  requiresConfirmation: z.boolean(),
})
export type EnvironmentInfo = z.infer<typeof EnvironmentInfo>

/** Whether a request that creates something here still lacks the explicit Production confirmation. */
export const confirmationMissing = (
  environment: Pick<EnvironmentInfo, 'requiresConfirmation'>,
  confirmProduction: boolean | undefined,
): boolean => environment.requiresConfirmation && confirmProduction !== true

export const CustomEnvironmentInput = z.object({
  name: z
    .string({ error: 'name must be a string' })
    .trim()
    .min(1, { error: 'name must not be empty' })
    .max(40, { error: 'name must be at most 40 characters' }),
  apiBase: BaseUrl,
  identityBase: BaseUrl,
  cdnBase: BaseUrl,
  defaultLibVersion: LibVersion.optional(),
})
export type CustomEnvironmentInput = z.infer<typeof CustomEnvironmentInput>

export const UAT_LIB_VERSION = '1.7.0.261457'
export const PRODUCTION_LIB_VERSION = '1.7.0.261471'
/** What the embedded sandbox's simulated library reports as its version. */
export const SANDBOX_LIB_VERSION = '1.7.0.261457'

export const PAYROC_ENVIRONMENTS: Record<'uat' | 'production', Omit<EnvironmentInfo, 'id'>> = {
  uat: {
    name: 'UAT',
    kind: 'uat',
    apiBase: 'https://api.uat.payroc.com/v1',
    identityBase: 'https://identity.uat.payroc.com',
    cdnBase: 'https://cdn.uat.payroc.com',
    defaultLibVersion: UAT_LIB_VERSION,
    requiresConfirmation: false,
  },
  production: {
    name: 'Production',
    kind: 'production',
    apiBase: 'https://api.payroc.com/v1',
    identityBase: 'https://identity.payroc.com',
    cdnBase: 'https://cdn.payroc.com',
    defaultLibVersion: PRODUCTION_LIB_VERSION,
    requiresConfirmation: true,
  },
}

/** The sandbox's URLs are relative to wherever it was started. */
export function sandboxEnvironment(sandboxUrl: string): EnvironmentInfo {
  return {
    id: 'sandbox',
    name: 'Sandbox',
    kind: 'sandbox',
    apiBase: `${sandboxUrl}/v1`,
    identityBase: sandboxUrl,
    cdnBase: sandboxUrl,
    defaultLibVersion: SANDBOX_LIB_VERSION,
    requiresConfirmation: false,
  }
}

export const libraryScriptUrl = (cdnBase: string, libVersion: string): string =>
  `${cdnBase}/js/hosted-fields/hosted-fields-${libVersion}.js`

export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
  return slug || 'env'
}
