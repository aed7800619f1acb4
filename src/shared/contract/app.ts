/** app:* — what the console is (name, version, transport, its loopback origins) and "Clear all data". */
import { z } from 'zod'
import { Empty, OPEN, type ChannelSpec } from './common'

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  transport: z.enum(['electron', 'web']),
  /** Origin of the Hosted Fields test page (a second loopback origin). */
  testPageOrigin: z.string(),
  /** The embedded sandbox's base URL (not a secret: tests drive its control API through it). */
  sandboxUrl: z.string(),
  dataDir: z.string(),
  /** The sandbox's sample merchant pages (their own loopback origin), to try the Merchant page screen on. */
  samplePages: z.array(z.object({ name: z.string(), what: z.string(), url: z.string() })).optional(),
  /**
   * Problems met loading the data folder's files at start (e.g. a settings.json that failed validation), one
   * line each naming the file and where its content was kept; the console shows them until dismissed.
   */
  dataNotices: z.array(z.string()).optional(),
})
export type AppInfo = z.infer<typeof AppInfo>

export const ClearedData = z.object({
  historyEntries: z.number().int(),
  keychainEntries: z.number().int(),
  /** Set when the keychain could not be reached: history and settings were still removed. */
  keychainMessage: z.string().optional(),
  /** Keys kept for this session only (memory) that were dropped. */
  sessionKeys: z.number().int().optional(),
  /** Event log events (main's memory) that were dropped. */
  eventLogEvents: z.number().int().optional(),
  /** The ids of shared/retention.ts CLEAR_ALL_DATA this run cleared (a test checks none is missing). */
  cleared: z.array(z.string()).optional(),
})

export const appChannels = {
  'app:info': { request: Empty, response: AppInfo, policy: OPEN },
  /** Removes history, settings and this app's keychain entries (never other apps' items). */
  'app:clearAllData': { request: Empty, response: ClearedData, policy: OPEN },
} as const satisfies Record<`app:${string}`, ChannelSpec>
