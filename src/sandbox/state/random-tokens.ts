/** Random values the sandbox hands out: tokens from a pooled CSPRNG, API key ids, secure-token numbers. */
import { createHash, randomBytes, randomInt } from 'node:crypto'
import { luhnCheckDigit } from '../card-checks'

/** Random bytes drawn from a refilled pool: one syscall per 512 tokens instead of one per token. */
const POOL_SIZE = 12 * 1024
let pool = randomBytes(POOL_SIZE)
let poolOffset = 0
function randomHex(bytes: number): string {
  if (poolOffset + bytes > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE)
    poolOffset = 0
  }
  const out = pool.toString('hex', poolOffset, poolOffset + bytes)
  poolOffset += bytes
  return out
}

/** A 48-hex-character (192-bit) random token. */
export const newToken = (): string => randomHex(24)

/** A non-secret id of an API key (the merchant it stands for). */
export const apiKeyIdOf = (apiKey: string): string =>
  `key_${createHash('sha256').update(apiKey).digest('hex').slice(0, 12)}`

/**
 * A single-use token as the gateway mints it: exactly 128 characters (the spec's createSingleUseToken 201,
 * and the Hosted Fields guide's submissionSuccess example: 128 hex characters). Every single-use token the
 * sandbox hands out — the simulated library's submit and the gateway protocol's single-use-tokens route —
 * comes from here.
 */
export const newSingleUseToken = (): string => randomHex(64)

/** The spec's secure token prefix ("begins with 296753"). */
export const SECURE_TOKEN_PREFIX = '296753'

/**
 * A secure token's `token` as the spec describes it: begins with 296753, ends in a Luhn check digit, 12–19
 * digits (here 16: the prefix, 9 random digits, the check digit).
 */
export function newSecureTokenNumber(): string {
  const body = `${SECURE_TOKEN_PREFIX}${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`
  return `${body}${luhnCheckDigit(body)}`
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/** A Payroc-style resource id: `length` upper-case letters and digits (paymentId and refundId: 10). */
export function newResourceId(length = 10): string {
  let id = ''
  for (let index = 0; index < length; index++) id += ID_ALPHABET[randomInt(0, ID_ALPHABET.length)]
  return id
}

/** An approval code as the examples show them (e.g. OK3): here 6 characters. */
export const newApprovalCode = (): string => newResourceId(6)
