/** Random values the sandbox hands out: tokens from a pooled CSPRNG, API key ids, digit strings. */
import { createHash, randomBytes } from 'node:crypto'

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

/** A single-use token as Payroc mints them: 128 hex characters (512 bits). */
export const newSingleUseToken = (): string => randomHex(64)

/** A non-secret id of an API key (the merchant it stands for). */
export const apiKeyIdOf = (apiKey: string): string =>
  `key_${createHash('sha256').update(apiKey).digest('hex').slice(0, 12)}`

export function randomDigits(count: number): string {
  let out = ''
  while (out.length < count) out += Math.floor(Math.random() * 1e9).toString()
  return out.slice(0, count)
}
