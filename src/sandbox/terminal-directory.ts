/**
 * Seeded processing terminals (INTERFACES.md "The sandbox"). Every well-formed id not in the table → 403.
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { ProcessingTerminalId } from '../shared/payroc'

/** A terminal's CVV policy (the Hosted Fields configuration's `cvvVerification`). */
export const CVV_VERIFICATIONS = ['mandatory', 'enabled', 'disabled'] as const
export type CvvVerification = (typeof CVV_VERIFICATIONS)[number]

export const TerminalSeed = z.strictObject({
  processingTerminalId: ProcessingTerminalId,
  payment: z.boolean({ error: 'payment must be true or false' }),
  tokenization: z.boolean({ error: 'tokenization must be true or false' }),
  surchargePercentage: z.number().min(0).max(100).optional(),
  /** The terminal's CVV policy, as the Hosted Fields configuration reports it; default 'mandatory'. */
  cvvVerification: z.enum(CVV_VERIFICATIONS).optional(),
  /** ACH bank transfers allowed (Hosted Fields ACH forms); default false. */
  ach: z.boolean({ error: 'ach must be true or false' }).optional(),
  /** PAD bank transfers allowed (Hosted Fields PAD forms); default false. */
  pad: z.boolean({ error: 'pad must be true or false' }).optional(),
  /** When present, only these API keys may use the terminal; otherwise every accepted key may. */
  apiKeys: z.array(z.string().min(1)).optional(),
})
export type TerminalSeed = z.infer<typeof TerminalSeed>
export const TerminalSeedFile = z.array(TerminalSeed)

/** The seeded table, all usable by the default key. */
export const SEEDED_TERMINALS: readonly TerminalSeed[] = Object.freeze([
  { processingTerminalId: '1234001', payment: true, tokenization: true },
  { processingTerminalId: '1234002', payment: true, tokenization: false },
  { processingTerminalId: '1234003', payment: true, tokenization: true, surchargePercentage: 3 },
  { processingTerminalId: '1234004', payment: true, tokenization: true, ach: true },
  { processingTerminalId: '1234005', payment: true, tokenization: true, pad: true },
  { processingTerminalId: '1234006', payment: true, tokenization: true, cvvVerification: 'disabled' },
])

/** 5550000–5559999: payment only, for bulk tests and benchmarks (not materialised as 10,000 rows). */
export const SEEDED_TERMINAL_BLOCK = Object.freeze({
  from: 5550000,
  to: 5559999,
  payment: true,
  tokenization: false,
})
const BLOCK_PATTERN = /^555\d{4}$/

export interface Terminal {
  processingTerminalId: string
  payment: boolean
  tokenization: boolean
  surchargePercentage?: number
  cvvVerification?: CvvVerification
  ach?: boolean
  pad?: boolean
  apiKeys?: readonly string[]
}

export class TerminalDirectory {
  private readonly table = new Map<string, Terminal>()

  /** `withBlock`: also answer for the 555xxxx block (the default seeding). */
  constructor(
    seeds: readonly TerminalSeed[],
    private readonly withBlock: boolean,
  ) {
    for (const seed of seeds) this.table.set(seed.processingTerminalId, seed)
  }

  static defaults(): TerminalDirectory {
    return new TerminalDirectory(SEEDED_TERMINALS, true)
  }

  get(processingTerminalId: string): Terminal | undefined {
    const found = this.table.get(processingTerminalId)
    if (found) return found
    if (this.withBlock && BLOCK_PATTERN.test(processingTerminalId)) {
      return { processingTerminalId, payment: SEEDED_TERMINAL_BLOCK.payment, tokenization: false }
    }
    return undefined
  }

  /** The terminal when `apiKey` may use it, else undefined (the caller answers 403). */
  forKey(processingTerminalId: string, apiKey: string): Terminal | undefined {
    const terminal = this.get(processingTerminalId)
    if (!terminal) return undefined
    if (terminal.apiKeys && !terminal.apiKeys.includes(apiKey)) return undefined
    return terminal
  }

  list(): Terminal[] {
    return [...this.table.values()]
  }

  get hasBlock(): boolean {
    return this.withBlock
  }
}

/** Reads and validates a seed file (JSON array). Throws an Error whose message names the bad entry. */
export function loadTerminalSeedFile(path: string): TerminalSeed[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`cannot read terminals file ${path}: ${(error as Error).message}`, { cause: error })
  }
  const result = TerminalSeedFile.safeParse(parsed)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new Error(
      `invalid terminals file ${path}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : ''}`,
    )
  }
  return result.data
}
