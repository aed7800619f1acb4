/**
 * A user's own copy of Payroc's Hosted Fields script, for running it against the sandbox: the list of known
 * builds and their SRI (built in, and updatable without a release through `payroc-library-builds.json` in the
 * data folder), the check of a copy against its build's SRI, and the two ways to get a copy — a file the user
 * chose, or one download from the build's CDN URL — stored as `payroc-library/hosted-fields-<version>.js`.
 */
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { request, type RequestOptions } from 'node:https'
import path from 'node:path'
import { z } from 'zod'
import { LIB_VERSION_PATTERN, KNOWN_LIBRARIES } from '../../../shared/payroc'
import type { Logger } from '../../app-types'
import { loadJsonFile, writeJsonFileAtomic } from '../storage/json-file'

export const BUILDS_FILE = 'payroc-library-builds.json'
export const COPIES_FOLDER = 'payroc-library'
const MAX_SCRIPT_BYTES = 2 * 1024 * 1024

const CDN_BY_ENVIRONMENT = {
  uat: 'https://cdn.uat.payroc.com',
  production: 'https://cdn.payroc.com',
} as const

export const KnownBuild = z.strictObject({
  environment: z.enum(['uat', 'production']),
  integrity: z
    .string()
    .regex(/^sha384-[A-Za-z0-9+/]{64}$/, { error: 'integrity must be a sha384 SRI value' }),
  /** Where to download it; default the environment's CDN path for the version. */
  url: z.url({ protocol: /^https$/, error: 'url must be an https URL' }).optional(),
})
export type KnownBuild = z.infer<typeof KnownBuild>
export const BuildsFile = z.strictObject({
  version: z.literal(1),
  builds: z.record(
    z.string().regex(LIB_VERSION_PATTERN, { error: 'a key must be a library version' }),
    KnownBuild,
  ),
})

export const sriOfBytes = (bytes: Uint8Array): string =>
  `sha384-${createHash('sha384').update(bytes).digest('base64')}`

/** The built-in builds, with the user's file laid over them (its entries win). */
export async function loadKnownBuilds(dataDir: string, logger: Logger): Promise<Record<string, KnownBuild>> {
  const builds: Record<string, KnownBuild> = { ...KNOWN_LIBRARIES }
  const { data } = await loadJsonFile(
    path.join(dataDir, BUILDS_FILE),
    BuildsFile,
    () => ({ version: 1 as const, builds: {} }),
    logger,
  )
  return { ...builds, ...data.builds }
}

export async function saveKnownBuilds(dataDir: string, builds: Record<string, KnownBuild>): Promise<void> {
  await writeJsonFileAtomic(path.join(dataDir, BUILDS_FILE), { version: 1, builds })
}

export const downloadUrlOf = (version: string, build: KnownBuild): string =>
  build.url ?? `${CDN_BY_ENVIRONMENT[build.environment]}/js/hosted-fields/hosted-fields-${version}.js`

export type CopyResult = { ok: true; file: string; integrity: string } | { ok: false; reason: string }

/**
 * The bytes as the CDN serves them: the copy itself when it matches the SRI, else the copy without one leading
 * `/* … *\/` comment (a saved snapshot with a note on top); otherwise undefined.
 */
export function matchingBytes(bytes: Buffer, integrity: string): Buffer | undefined {
  if (sriOfBytes(bytes) === integrity) return bytes
  const text = bytes.subarray(0, 4096).toString('latin1')
  const end = text.startsWith('/*') ? text.indexOf('*/') : -1
  if (end < 0) return undefined
  let start = end + 2
  while (bytes[start] === 0x0a || bytes[start] === 0x0d) start++
  const rest = bytes.subarray(start)
  return sriOfBytes(rest) === integrity ? rest : undefined
}

async function store(
  dataDir: string,
  version: string,
  bytes: Buffer,
  build: KnownBuild,
): Promise<CopyResult> {
  const matched = matchingBytes(bytes, build.integrity)
  if (!matched) {
    return { ok: false, reason: `The script does not match the SRI of ${version} (${build.integrity}).` }
  }
  const folder = path.join(dataDir, COPIES_FOLDER)
  await fs.mkdir(folder, { recursive: true, mode: 0o700 })
  const file = path.join(folder, `hosted-fields-${version}.js`)
  await fs.writeFile(`${file}.tmp`, matched)
  await fs.rename(`${file}.tmp`, file)
  return { ok: true, file, integrity: build.integrity }
}

/** A file the user chose, checked against the known build's SRI and stored. */
export async function importScriptFile(
  dataDir: string,
  version: string,
  source: string,
  builds: Record<string, KnownBuild>,
): Promise<CopyResult> {
  const build = builds[version]
  if (!build) return { ok: false, reason: `${version} is not a known build: add it to ${BUILDS_FILE}.` }
  const stat = await fs.stat(source)
  if (stat.size > MAX_SCRIPT_BYTES) return { ok: false, reason: 'The file is too large to be the script.' }
  return store(dataDir, version, await fs.readFile(source), build)
}

function get(url: string, tls: Pick<RequestOptions, 'ca'>): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ...tls, timeout: 15_000 }, (res) => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > MAX_SCRIPT_BYTES) req.destroy(new Error('The answer is too large to be the script.'))
        else chunks.push(chunk)
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error('The CDN did not answer within 15 s.')))
    req.on('error', reject)
    req.end()
  })
}

/** One download from the build's https URL, checked against its SRI and stored. `tls.ca` for a test CDN. */
export async function downloadScript(
  dataDir: string,
  version: string,
  builds: Record<string, KnownBuild>,
  tls: Pick<RequestOptions, 'ca'> = {},
): Promise<CopyResult> {
  const build = builds[version]
  if (!build) return { ok: false, reason: `${version} is not a known build: add it to ${BUILDS_FILE}.` }
  const url = downloadUrlOf(version, build)
  try {
    const answer = await get(url, tls)
    if (answer.status !== 200) return { ok: false, reason: `${url} answered ${answer.status}.` }
    return await store(dataDir, version, answer.body, build)
  } catch (error) {
    return { ok: false, reason: `${url}: ${error instanceof Error ? error.message : String(error)}` }
  }
}
