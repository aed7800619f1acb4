/** preflight:* — one environment + profile + terminal checked step by step, each step with a verdict and a hint. */
import { z } from 'zod'
import { EnvironmentId, ProfileName } from '../environments'
import { LibVersion, ProcessingTerminalId } from '../payroc'
import { IN_ENVIRONMENT, type ChannelSpec } from './common'

export const PreflightStepId = z.enum([
  'keychain',
  'api-key',
  'identity-host',
  'key-accepted',
  'payment-session',
  'tokenization-session',
  'library-script',
  'clock-skew',
])
export type PreflightStepId = z.infer<typeof PreflightStepId>
export const PreflightStatus = z.enum(['pass', 'fail', 'warn', 'skipped'])
export type PreflightStatus = z.infer<typeof PreflightStatus>
export const PreflightStep = z.object({
  id: PreflightStepId,
  title: z.string(),
  status: PreflightStatus,
  durationMs: z.number(),
  detail: z.string(),
  hint: z.string(),
  journalId: z.string().optional(),
})
export type PreflightStep = z.infer<typeof PreflightStep>
export const PreflightRequest = z
  .object({
    environmentId: EnvironmentId,
    profile: ProfileName,
    processingTerminalId: ProcessingTerminalId,
    libVersion: LibVersion,
    confirmProduction: z.boolean().optional(),
  })
  .strict()
export type PreflightRequest = z.infer<typeof PreflightRequest>
export const PreflightReport = z.object({
  steps: z.array(PreflightStep),
  startedAt: z.string(),
  environmentId: EnvironmentId,
  profile: z.string(),
  processingTerminalId: z.string(),
  libVersion: z.string(),
})
export type PreflightReport = z.infer<typeof PreflightReport>

export const preflightChannels = {
  /**
   * Not refused in Production without the confirmation: the steps that would open a real session are
   * reported 'skipped' instead (the others still run), see confirmationMissing in environments.ts.
   */
  'preflight:run': { request: PreflightRequest, response: PreflightReport, policy: IN_ENVIRONMENT },
} as const satisfies Record<`preflight:${string}`, ChannelSpec>
