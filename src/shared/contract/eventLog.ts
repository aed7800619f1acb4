/**
 * eventLog:* — the live session and its Event log, kept in main's memory (core/services/live/live-session.ts)
 * so a reload restores the token card and the log; the restored card form is marked spent.
 */
import { z } from 'zod'
import { Empty, Id, OPEN, type ChannelSpec } from './common'
import { SessionCreated } from './session'

/** One test page event, as the page reported it (single-use tokens masked once stored). */
export const LiveEvent = z.object({
  name: z.string().min(1).max(100),
  payload: z.unknown(),
  at: z.string().max(40),
})
export type LiveEvent = z.infer<typeof LiveEvent>

export const LiveState = z.object({
  /** The latest session created in this run (null before the first, and after Clear all data). */
  session: SessionCreated.nullable(),
  /** Its Event log, oldest first, the newest `retention` events. */
  events: z.array(LiveEvent),
  /** Events dropped by the retention bound. */
  evicted: z.number().int(),
  retention: z.number().int(),
})
export type LiveState = z.infer<typeof LiveState>

export const eventLogChannels = {
  /** The renderer forwards its test page's events; `journalId` names the session (no token is sent). */
  'eventLog:record': {
    request: z.object({ journalId: Id, events: z.array(LiveEvent).min(1).max(200) }).strict(),
    response: z.object({ recorded: z.number().int() }),
    policy: OPEN,
  },
  /** The live session and its Event log, for a reload. */
  'eventLog:restore': { request: Empty, response: LiveState, policy: OPEN },
} as const satisfies Record<`eventLog:${string}`, ChannelSpec>
