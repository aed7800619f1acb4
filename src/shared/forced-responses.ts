/**
 * The one-shot sandbox answers QA can force (Force next response), free of zod so the renderer's first chunk
 * can list them without pulling in the contract's schemas.
 */
export const FORCED_RESPONSES = ['500', '429', 'timeout', 'slow', 'reset'] as const
export type ForcedResponseName = (typeof FORCED_RESPONSES)[number]
