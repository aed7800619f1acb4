/**
 * library:* — which Hosted Fields library the Sandbox environment's test page runs: the console's simulated one
 * (the default), or Payroc's own script, from a copy the user imported (a file they chose, or one download from
 * Payroc's CDN) and checked against the known build's SRI. Payroc's script calls its gateway host, so it runs
 * against the sandbox only where the shell can map that host in the test page's session (the desktop app);
 * `hostMapping` says whether this runtime can.
 */
import { z } from 'zod'
import { LibVersion } from '../payroc'
import { Empty, OPEN, type ChannelSpec } from './common'

export const LIBRARY_SOURCES = ['simulated', 'payroc'] as const
export const LibrarySource = z.enum(LIBRARY_SOURCES, { error: 'Library source must be simulated or payroc' })
export type LibrarySource = z.infer<typeof LibrarySource>

export const LibraryBuild = z.object({
  libVersion: z.string(),
  /** Which of Payroc's CDNs publishes it. */
  environment: z.enum(['uat', 'production']),
  /** Payroc's published SRI of the build (built in, or from the data folder's builds file). */
  integrity: z.string(),
  /** Where Download from Payroc's CDN fetches it. */
  downloadUrl: z.string(),
  /** The user's copy, present only when it is in the data folder and still matches the SRI. */
  copy: z.object({ file: z.string(), verified: z.literal(true) }).nullable(),
})
export type LibraryBuild = z.infer<typeof LibraryBuild>

export const LibraryStatus = z.object({
  source: LibrarySource,
  /** The build the test page loads when the source is Payroc's own script. */
  libVersion: z.string().nullable(),
  /** Whether this runtime maps Payroc's gateway host to the sandbox (desktop app: yes; browser preview: no). */
  hostMapping: z.boolean(),
  /** The data folder's file that adds or replaces known builds without a new release. */
  buildsFile: z.string(),
  builds: z.array(LibraryBuild),
})
export type LibraryStatus = z.infer<typeof LibraryStatus>

/** Import a copy of one known build: from a file the user chose, or one download from the build's CDN URL. */
export const ImportScriptRequest = z.discriminatedUnion('from', [
  z
    .object({
      libVersion: LibVersion,
      from: z.literal('file'),
      path: z
        .string({ error: 'Script file must be a path' })
        .trim()
        .min(1, { error: 'Script file is required' })
        .max(4096, { error: 'Script file is too long a path' }),
    })
    .strict(),
  z.object({ libVersion: LibVersion, from: z.literal('download') }).strict(),
])

export const SetSourceRequest = z
  .object({ source: LibrarySource, libVersion: LibVersion.optional() })
  .strict()

export const libraryChannels = {
  'library:status': { request: Empty, response: LibraryStatus, policy: OPEN },
  'library:importScript': {
    request: ImportScriptRequest,
    response: z.object({
      status: LibraryStatus,
      /** The verification result: the copy matched this SRI and was kept. */
      imported: z.object({
        libVersion: z.string(),
        integrity: z.string(),
        from: z.enum(['file', 'download']),
      }),
    }),
    policy: OPEN,
  },
  'library:setSource': { request: SetSourceRequest, response: LibraryStatus, policy: OPEN },
} as const satisfies Record<`library:${string}`, ChannelSpec>
