/**
 * A user's copy of Payroc's script: known builds (built in + the data folder's file), a chosen file checked
 * against the SRI, and one download from a loopback https stand-in CDN with a self-signed certificate.
 */
import { existsSync, promises as fs } from 'node:fs'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BUILDS_FILE,
  downloadScript,
  importScriptFile,
  loadKnownBuilds,
  matchingBytes,
  saveKnownBuilds,
  sriOfBytes,
  type KnownBuild,
} from '../../../../src/core/services/library/payroc-script-copies'
import { selfSignedPem } from '../../../support/console-fixtures'

const logger = { log: () => undefined }
const SCRIPT = Buffer.from('!function(){window.Payroc={hostedFields:function(){}}}();\n')
const SHARED = path.join(
  __dirname,
  '../../../../../shared/payroc/hosted-fields/hosted-fields-1.7.0.261457.js',
)

let dataDir: string
let cdn: https.Server
let cdnBase: string
let ca: Buffer
const served = new Map<string, Buffer>()

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(tmpdir(), 'hfc-copies-'))
  const { key, cert } = await selfSignedPem()
  ca = await fs.readFile(cert)
  cdn = https.createServer({ key: await fs.readFile(key), cert: ca }, (req, res) => {
    const body = served.get(req.url ?? '')
    if (!body) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'application/javascript' }).end(body)
  })
  await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve))
  cdnBase = `https://127.0.0.1:${(cdn.address() as AddressInfo).port}`
})

afterAll(async () => {
  cdn.closeAllConnections()
  await new Promise<void>((resolve) => cdn.close(() => resolve()))
  await fs.rm(dataDir, { recursive: true, force: true })
})

const build = (bytes: Buffer, url?: string): KnownBuild => ({
  environment: 'uat',
  integrity: sriOfBytes(bytes),
  ...(url ? { url } : {}),
})

describe('known builds', () => {
  it('starts from the built-in list and takes the data folder’s file over it', async () => {
    const defaults = await loadKnownBuilds(dataDir, logger)
    expect(defaults['1.7.0.261457']?.integrity).toBe(
      'sha384-m1A0nfFYa8sAfpDN0d60o4ztd/aCPC2xDVaOT31Urrmn4xypfHqgHQMayZeIK1PM',
    )
    await saveKnownBuilds(dataDir, { '1.8.0.300000': build(SCRIPT) })
    const updated = await loadKnownBuilds(dataDir, logger)
    expect(updated['1.8.0.300000']).toEqual(build(SCRIPT))
    expect(updated['1.7.0.261457']).toBeDefined()
    await fs.writeFile(path.join(dataDir, BUILDS_FILE), '{"version":1,"builds":{"latest":{}}}')
    expect(Object.keys(await loadKnownBuilds(dataDir, logger))).not.toContain('latest')
  })
})

describe('a copy the user chose', () => {
  it('is stored when it matches the SRI, also with a leading comment note; refused otherwise', async () => {
    const noted = Buffer.concat([Buffer.from('/* saved by me */\n'), SCRIPT])
    expect(matchingBytes(noted, sriOfBytes(SCRIPT))).toEqual(SCRIPT)
    const file = path.join(dataDir, 'chosen.js')
    await fs.writeFile(file, noted)
    const stored = await importScriptFile(dataDir, '1.8.0.300000', file, { '1.8.0.300000': build(SCRIPT) })
    expect(stored.ok).toBe(true)
    if (stored.ok) expect(await fs.readFile(stored.file)).toEqual(SCRIPT)
    await fs.writeFile(file, Buffer.concat([SCRIPT, Buffer.from('//changed')]))
    const refused = await importScriptFile(dataDir, '1.8.0.300000', file, { '1.8.0.300000': build(SCRIPT) })
    expect(refused).toEqual({ ok: false, reason: expect.stringContaining('does not match the SRI') })
    expect(await importScriptFile(dataDir, '9.9.9.9', file, {})).toMatchObject({ ok: false })
  })

  it('accepts the ../shared copy of 1.7.0.261457 (400-byte note on top) as the published build', async (context) => {
    if (!existsSync(SHARED)) {
      console.log('skipped: ../shared/payroc absent')
      context.skip()
    }
    const stored = await importScriptFile(
      dataDir,
      '1.7.0.261457',
      SHARED,
      await loadKnownBuilds(dataDir, logger),
    )
    expect(stored.ok).toBe(true)
    if (stored.ok) expect((await fs.readFile(stored.file)).subarray(0, 9).toString()).toBe('!function')
  })
})

describe('one download from the CDN (a loopback https stand-in with a self-signed certificate)', () => {
  it('stores the script when it matches the SRI', async () => {
    served.set('/js/hosted-fields/hosted-fields-1.8.0.300001.js', SCRIPT)
    const builds = {
      '1.8.0.300001': build(SCRIPT, `${cdnBase}/js/hosted-fields/hosted-fields-1.8.0.300001.js`),
    }
    const result = await downloadScript(dataDir, '1.8.0.300001', builds, { ca })
    expect(result.ok).toBe(true)
    if (result.ok) expect(await fs.readFile(result.file)).toEqual(SCRIPT)
  })

  it('refuses a changed script, a 404 and a certificate it does not trust', async () => {
    served.set('/changed.js', Buffer.from('!function(){evil()}();'))
    const changed = await downloadScript(
      dataDir,
      '1.8.0.300002',
      { '1.8.0.300002': build(SCRIPT, `${cdnBase}/changed.js`) },
      { ca },
    )
    expect(changed).toEqual({ ok: false, reason: expect.stringContaining('does not match the SRI') })
    const missing = await downloadScript(
      dataDir,
      '1.8.0.300003',
      { '1.8.0.300003': build(SCRIPT, `${cdnBase}/none.js`) },
      { ca },
    )
    expect(missing).toEqual({ ok: false, reason: expect.stringContaining('answered 404') })
    served.set('/ok.js', SCRIPT)
    const untrusted = await downloadScript(dataDir, '1.8.0.300004', {
      '1.8.0.300004': build(SCRIPT, `${cdnBase}/ok.js`),
    })
    expect(untrusted.ok).toBe(false)
    expect(existsSync(path.join(dataDir, 'payroc-library', 'hosted-fields-1.8.0.300004.js'))).toBe(false)
  })
})
