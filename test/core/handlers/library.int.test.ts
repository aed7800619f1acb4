/**
 * library:* through dispatch, on a real console: the status of the known builds (built in + the data folder's
 * file), a chosen file checked against the SRI, one download from a loopback https stand-in CDN (self-signed),
 * and the source choice — refused in the browser preview (no host mapping), kept across a restart on desktop.
 */
import { existsSync, promises as fs } from 'node:fs'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConsole, type ConsoleApp } from '../../../src/core/console-app'
import { sriOfBytes } from '../../../src/core/services/library/payroc-script-copies'
import { call } from '../../support/call'
import { consoleOptions, selfSignedPem, tempDir } from '../../support/console-fixtures'

const FILE_BUILD = '1.7.0.990011'
const CDN_BUILD = '1.7.0.990012'
const SCRIPT = Buffer.from('!function(){window.Payroc={hostedFields:function(){}}}();\n')
const CDN_SCRIPT = Buffer.from('!function(){window.Payroc={hostedFields:function(){return 2}}}();\n')

let cdn: https.Server
let cdnBase: string
let ca: Buffer
let cdnRequests = 0

beforeAll(async () => {
  const { key, cert } = await selfSignedPem()
  ca = await fs.readFile(cert)
  cdn = https.createServer({ key: await fs.readFile(key), cert: ca }, (req, res) => {
    cdnRequests++
    if (req.url === `/js/hosted-fields/hosted-fields-${CDN_BUILD}.js`)
      return void res.writeHead(200, { 'content-type': 'application/javascript' }).end(CDN_SCRIPT)
    if (req.url === '/tampered.js') return void res.writeHead(200).end('alert("not the script")')
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve))
  cdnBase = `https://127.0.0.1:${(cdn.address() as AddressInfo).port}`
})

afterAll(async () => {
  cdn.closeAllConnections()
  await new Promise<void>((resolve) => cdn.close(() => resolve()))
})

async function dataFolderWithBuilds(): Promise<string> {
  const dataDir = await tempDir('hfc-library-')
  await fs.writeFile(
    path.join(dataDir, 'payroc-library-builds.json'),
    JSON.stringify({
      version: 1,
      builds: {
        [FILE_BUILD]: { environment: 'uat', integrity: sriOfBytes(SCRIPT) },
        [CDN_BUILD]: {
          environment: 'uat',
          integrity: sriOfBytes(CDN_SCRIPT),
          url: `${cdnBase}/js/hosted-fields/hosted-fields-${CDN_BUILD}.js`,
        },
        '1.7.0.990013': {
          environment: 'uat',
          integrity: sriOfBytes(CDN_SCRIPT),
          url: `${cdnBase}/tampered.js`,
        },
      },
    }),
  )
  return dataDir
}

describe('library:* on the desktop transport (the shell maps the gateway host)', () => {
  let dataDir: string
  let app: ConsoleApp

  beforeAll(async () => {
    dataDir = await dataFolderWithBuilds()
    app = await createConsole(
      consoleOptions(dataDir, { transport: 'electron', library: { hostMapping: true, cdnCa: ca } }),
    )
  })
  afterAll(async () => {
    await app.close()
    await fs.rm(dataDir, { recursive: true, force: true })
  })

  it('lists the built-in builds and the data folder’s, none with a copy yet; source Simulated', async () => {
    const status = await call(app, 'library:status', {})
    if (!status.ok) throw new Error(status.error.message)
    expect(status.value.source).toBe('simulated')
    expect(status.value.hostMapping).toBe(true)
    expect(status.value.buildsFile).toBe(path.join(dataDir, 'payroc-library-builds.json'))
    const versions = status.value.builds.map((build) => build.libVersion)
    expect(versions).toEqual(expect.arrayContaining(['1.7.0.261457', FILE_BUILD, CDN_BUILD]))
    expect(status.value.builds.every((build) => build.copy === null)).toBe(true)
    expect(status.value.builds.find((build) => build.libVersion === '1.7.0.261457')?.downloadUrl).toBe(
      'https://cdn.uat.payroc.com/js/hosted-fields/hosted-fields-1.7.0.261457.js',
    )
  })

  it('imports a chosen file that matches the SRI; refuses one that does not, or is not there, naming Script file', async () => {
    const good = path.join(dataDir, 'mine.js')
    await fs.writeFile(good, SCRIPT)
    const bad = path.join(dataDir, 'other.js')
    await fs.writeFile(bad, 'alert(1)')
    const refused = await call(app, 'library:importScript', {
      libVersion: FILE_BUILD,
      from: 'file',
      path: bad,
    })
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.error.kind).toBe('validation')
    expect(refused.error.fields?.['Script file']?.[0]).toContain('does not match the SRI')
    const missing = await call(app, 'library:importScript', {
      libVersion: FILE_BUILD,
      from: 'file',
      path: path.join(dataDir, 'nowhere.js'),
    })
    expect(!missing.ok && missing.error.fields?.['Script file']?.[0]).toContain('There is no file at')
    const unknown = await call(app, 'library:importScript', {
      libVersion: '1.7.0.1',
      from: 'file',
      path: good,
    })
    expect(!unknown.ok && unknown.error.message).toContain('not a known build')

    const imported = await call(app, 'library:importScript', {
      libVersion: FILE_BUILD,
      from: 'file',
      path: good,
    })
    if (!imported.ok) throw new Error(imported.error.message)
    expect(imported.value.imported).toEqual({
      libVersion: FILE_BUILD,
      integrity: sriOfBytes(SCRIPT),
      from: 'file',
    })
    const row = imported.value.status.builds.find((build) => build.libVersion === FILE_BUILD)
    expect(row?.copy?.verified).toBe(true)
    expect(await fs.readFile(row?.copy?.file ?? '')).toEqual(SCRIPT)
  })

  it('downloads once from the CDN (loopback https stand-in) and keeps it only when it matches the SRI', async () => {
    const before = cdnRequests
    const downloaded = await call(app, 'library:importScript', { libVersion: CDN_BUILD, from: 'download' })
    if (!downloaded.ok) throw new Error(downloaded.error.message)
    expect(downloaded.value.imported.integrity).toBe(sriOfBytes(CDN_SCRIPT))
    expect(cdnRequests - before).toBe(1)
    // Using it does not download again: the copy is read from the data folder.
    expect(await app.library.scriptCopy(CDN_BUILD)).toEqual(CDN_SCRIPT)
    expect(cdnRequests - before).toBe(1)
    const tampered = await call(app, 'library:importScript', { libVersion: '1.7.0.990013', from: 'download' })
    expect(!tampered.ok && tampered.error.fields?.['Script file']?.[0]).toContain('does not match the SRI')
    const status = await call(app, 'library:status', {})
    expect(status.ok && status.value.builds.find((b) => b.libVersion === '1.7.0.990013')?.copy).toBeNull()
  })

  it('chooses Payroc’s script for a verified copy only; the mapping is active only while Sandbox is selected', async () => {
    const noCopy = await call(app, 'library:setSource', { source: 'payroc', libVersion: '1.7.0.261457' })
    expect(!noCopy.ok && noCopy.error.fields?.['Library source']?.[0]).toContain('no verified copy')
    const chosen = await call(app, 'library:setSource', { source: 'payroc', libVersion: FILE_BUILD })
    if (!chosen.ok) throw new Error(chosen.error.message)
    expect(chosen.value).toMatchObject({ source: 'payroc', libVersion: FILE_BUILD })
    expect(app.library.mapping()).toMatchObject({ chosen: true, active: true })
    expect([...app.library.mapping().builds]).toEqual(expect.arrayContaining([FILE_BUILD, CDN_BUILD]))
    await call(app, 'environment:select', { environmentId: 'uat', profile: 'default' })
    expect(app.library.mapping()).toMatchObject({ chosen: true, active: false })
    await call(app, 'environment:select', { environmentId: 'sandbox', profile: 'default' })
    expect(app.library.mapping().active).toBe(true)
  })

  it('keeps the choice across a restart, and falls back to Simulated when the copy changed on disk', async () => {
    await app.close()
    app = await createConsole(
      consoleOptions(dataDir, { transport: 'electron', library: { hostMapping: true } }),
    )
    const kept = await call(app, 'library:status', {})
    expect(kept.ok && kept.value).toMatchObject({ source: 'payroc', libVersion: FILE_BUILD })
    await fs.writeFile(path.join(dataDir, 'payroc-library', `hosted-fields-${FILE_BUILD}.js`), 'tampered')
    const after = await call(app, 'library:status', {})
    expect(after.ok && after.value).toMatchObject({ source: 'simulated', libVersion: null })
    expect(after.ok && after.value.builds.find((b) => b.libVersion === FILE_BUILD)?.copy).toBeNull()
    expect(await app.library.scriptCopy(FILE_BUILD)).toBeNull()
  })

  it('Clear all data removes the choice and every copy, and keeps the user’s builds file', async () => {
    const file = path.join(dataDir, 'mine.js')
    await fs.writeFile(file, SCRIPT)
    await call(app, 'library:importScript', { libVersion: FILE_BUILD, from: 'file', path: file })
    expect((await call(app, 'library:setSource', { source: 'payroc', libVersion: FILE_BUILD })).ok).toBe(true)
    expect((await call(app, 'app:clearAllData', {})).ok).toBe(true)
    expect(app.library.mapping().chosen).toBe(false)
    const status = await call(app, 'library:status', {})
    expect(status.ok && status.value.source).toBe('simulated')
    expect(status.ok && status.value.builds.every((build) => build.copy === null)).toBe(true)
    expect(status.ok && status.value.builds.some((build) => build.libVersion === FILE_BUILD)).toBe(true)
    expect(existsSync(path.join(dataDir, 'payroc-library'))).toBe(false)
  })
})

describe('library:* in the browser preview (no host mapping)', () => {
  it('imports copies but refuses Payroc’s script as the source, saying it is desktop-only', async () => {
    const dataDir = await dataFolderWithBuilds()
    const app = await createConsole(consoleOptions(dataDir))
    try {
      const file = path.join(dataDir, 'mine.js')
      await fs.writeFile(file, SCRIPT)
      const imported = await call(app, 'library:importScript', {
        libVersion: FILE_BUILD,
        from: 'file',
        path: file,
      })
      expect(imported.ok).toBe(true)
      const status = await call(app, 'library:status', {})
      expect(status.ok && status.value.hostMapping).toBe(false)
      const refused = await call(app, 'library:setSource', { source: 'payroc', libVersion: FILE_BUILD })
      expect(!refused.ok && refused.error.message).toContain('desktop app only')
      expect(app.library.mapping().chosen).toBe(false)
    } finally {
      await app.close()
      await fs.rm(dataDir, { recursive: true, force: true })
    }
  })
})
