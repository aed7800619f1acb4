/**
 * merchantPage:* — check a merchant's checkout page: load it in an isolated browser, watch its Hosted Fields
 * integration and judge eight fixed checks. Read-only (nothing is created at the gateway), so no Production
 * confirmation; the environment is resolved so the check knows which library hosts and builds belong to it.
 */
import { z } from 'zod'
import { EnvironmentId } from '../environments'
import { IN_ENVIRONMENT, type ChannelSpec } from './common'

export const CHECK_IDS = [
  'script',
  'version',
  'sri',
  'csp',
  'secrets',
  'selectors',
  'init',
  'session',
] as const
export const CheckId = z.enum(CHECK_IDS)
export type CheckId = z.infer<typeof CheckId>
export const Verdict = z.enum(['pass', 'warn', 'fail', 'skip'])
export type Verdict = z.infer<typeof Verdict>

export const PageCheck = z.object({
  id: CheckId,
  verdict: Verdict,
  summary: z.string(),
  /** The request line, header, element or message that shows it (already redacted). */
  evidence: z.array(z.string()),
  hint: z.string(),
})
export type PageCheck = z.infer<typeof PageCheck>
export const PageCheckReport = z.object({
  url: z.string(),
  environment: z.string(),
  checks: z.array(PageCheck),
})
export type PageCheckReport = z.infer<typeof PageCheckReport>

export const PAGE_CHECK_MAX_TIMEOUT_S = 120
export const MerchantPageCheckRequest = z
  .object({
    url: z
      .string({ error: 'url must be a string' })
      .max(2000, { error: 'url must be at most 2000 characters' })
      .refine(
        (value) => {
          try {
            const url = new URL(value)
            return url.protocol === 'http:' || url.protocol === 'https:'
          } catch {
            return false
          }
        },
        { error: 'url must be an http:// or https:// address' },
      ),
    environmentId: EnvironmentId,
    /** Page load budget in seconds (default 20). */
    timeoutSeconds: z.number().int().min(1).max(PAGE_CHECK_MAX_TIMEOUT_S).optional(),
    /** A caller-chosen id the progress events carry (the screen ignores events of older checks). */
    checkId: z.string().min(1).max(100).optional(),
  })
  .strict()
export type MerchantPageCheckRequest = z.infer<typeof MerchantPageCheckRequest>
export const MerchantPageCheckResult = z.object({
  report: PageCheckReport,
  /** The page as loaded, PNG in base64 (absent when none could be taken). */
  screenshotPng: z.string().optional(),
  durationMs: z.number(),
  /** Which browser ran it: the desktop app's hidden window or Playwright's Chromium. */
  engine: z.string(),
})
export type MerchantPageCheckResult = z.infer<typeof MerchantPageCheckResult>

export const PageCheckStep = z.enum(['launch', 'load', 'settle', 'inspect', 'analyze', 'done'])
export type PageCheckStep = z.infer<typeof PageCheckStep>
export interface MerchantPageProgressEvent {
  type: 'merchantPage'
  checkId?: string
  step: PageCheckStep
  /** 0..1 */
  fraction: number
  message: string
}

export const merchantPageChannels = {
  'merchantPage:check': {
    request: MerchantPageCheckRequest,
    response: MerchantPageCheckResult,
    policy: IN_ENVIRONMENT,
  },
} as const satisfies Record<`merchantPage:${string}`, ChannelSpec>
