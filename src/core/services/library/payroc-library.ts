/**
 * Which library the Sandbox environment's test page runs, and the user's verified copies of Payroc's script
 * (payroc-script-copies.ts does the SRI work). The choice is kept in the data folder
 * (`payroc-library-source.json`). A shell that maps Payroc's gateway host in the test page's session (the
 * desktop app) reads `mapping()` for each request and `scriptCopy()` for the script; the browser preview cannot
 * map a host, so there the choice stays Simulated and the status says so.
 */
import { promises as fs } from 'node:fs'
import type { RequestOptions } from 'node:https'
import path from 'node:path'
import { z } from 'zod'
import type { LibraryBuild, LibrarySource, LibraryStatus } from '../../../shared/contract/library'
import { LIBRARY_SOURCES } from '../../../shared/contract/library'
import type { Logger } from '../../app-types'
import { loadJsonFile, writeJsonFileAtomic } from '../storage/json-file'
import {
  BUILDS_FILE,
  COPIES_FOLDER,
  downloadScript,
  downloadUrlOf,
  importScriptFile,
  loadKnownBuilds,
  matchingBytes,
  type CopyResult,
  type KnownBuild,
} from './payroc-script-copies'

export const SOURCE_FILE = 'payroc-library-source.json'
const SourceFile = z.strictObject({
  version: z.literal(1),
  source: z.enum(LIBRARY_SOURCES),
  libVersion: z.string().nullable(),
})

/** What the shell's host mapping needs at each request (sync: it runs per request). */
export interface LibraryMapping {
  /** The user chose Payroc's own script for the Sandbox environment (the shell intercepts Payroc's hosts). */
  chosen: boolean
  /** Chosen, and Sandbox is the selected environment (otherwise Payroc's hosts are left alone). */
  active: boolean
  sandboxUrl: string
  /** Builds with a verified copy in the data folder. */
  builds: ReadonlySet<string>
  /** The build chosen (its copy is verified), or null. */
  libVersion: string | null
}

export type LibraryRefusal = { ok: false; field: 'Script file' | 'Library source'; reason: string }

export const copyFileOf = (dataDir: string, version: string): string =>
  path.join(dataDir, COPIES_FOLDER, `hosted-fields-${version}.js`)

export interface PayrocLibraryOptions {
  dataDir: string
  logger: Logger
  hostMapping: boolean
  sandboxUrl: string
  selectedEnvironment: () => string
  /** A test CDN's certificate (production: the system store and NODE_EXTRA_CA_CERTS). */
  cdnTls?: Pick<RequestOptions, 'ca'>
}

export class PayrocLibrary {
  #source: LibrarySource = 'simulated'
  #libVersion: string | null = null
  #verified = new Set<string>()
  readonly #listeners = new Set<() => void>()

  private constructor(private readonly options: PayrocLibraryOptions) {}

  static async open(options: PayrocLibraryOptions): Promise<PayrocLibrary> {
    const library = new PayrocLibrary(options)
    const { data } = await loadJsonFile(
      path.join(options.dataDir, SOURCE_FILE),
      SourceFile,
      () => ({ version: 1 as const, source: 'simulated' as const, libVersion: null }),
      options.logger,
    )
    await library.status()
    // A remembered choice holds only while its copy is still there and still matches, and the shell can map.
    if (data.source === 'payroc' && data.libVersion && library.#runnable(data.libVersion) === null) {
      library.#source = 'payroc'
      library.#libVersion = data.libVersion
    }
    return library
  }

  #runnable(version: string | undefined): string | null {
    if (!this.options.hostMapping)
      return "Payroc's own script runs against the sandbox in the desktop app only: the browser preview cannot map Payroc's gateway host to the sandbox."
    if (version === undefined)
      return "There is no verified copy of Payroc's script yet: import the script file or download it first."
    if (!this.#verified.has(version))
      return `There is no verified copy of ${version}: import the script file or download it first.`
    return null
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  mapping(): LibraryMapping {
    const chosen = this.#source === 'payroc'
    return {
      chosen,
      active: chosen && this.options.selectedEnvironment() === 'sandbox',
      sandboxUrl: this.options.sandboxUrl,
      builds: new Set(this.#verified),
      libVersion: chosen ? this.#libVersion : null,
    }
  }

  /** The copy's bytes as the CDN serves them, re-checked against the SRI at each read (null: none, or changed). */
  async scriptCopy(version: string): Promise<Buffer | null> {
    const builds = await loadKnownBuilds(this.options.dataDir, this.options.logger)
    const build = builds[version]
    if (!build) return null
    try {
      return (
        matchingBytes(await fs.readFile(copyFileOf(this.options.dataDir, version)), build.integrity) ?? null
      )
    } catch {
      return null
    }
  }

  async status(): Promise<LibraryStatus> {
    const builds = await loadKnownBuilds(this.options.dataDir, this.options.logger)
    const rows: LibraryBuild[] = []
    const verified = new Set<string>()
    for (const [libVersion, build] of Object.entries(builds)) {
      const file = copyFileOf(this.options.dataDir, libVersion)
      const ok = await this.#copyMatches(file, build)
      if (ok) verified.add(libVersion)
      rows.push({
        libVersion,
        environment: build.environment,
        integrity: build.integrity,
        downloadUrl: downloadUrlOf(libVersion, build),
        copy: ok ? { file, verified: true } : null,
      })
    }
    this.#verified = verified
    if (this.#source === 'payroc' && (!this.#libVersion || !verified.has(this.#libVersion))) {
      // The copy went away or changed: back to the simulator rather than a script that fails its SRI.
      this.#source = 'simulated'
      this.#libVersion = null
      this.#changed()
    }
    return {
      source: this.#source,
      libVersion: this.#libVersion,
      hostMapping: this.options.hostMapping,
      buildsFile: path.join(this.options.dataDir, BUILDS_FILE),
      builds: rows,
    }
  }

  async #copyMatches(file: string, build: KnownBuild): Promise<boolean> {
    try {
      return matchingBytes(await fs.readFile(file), build.integrity) !== undefined
    } catch {
      return false
    }
  }

  async importScript(
    libVersion: string,
    from: { from: 'file'; path: string } | { from: 'download' },
  ): Promise<{ ok: true; integrity: string; status: LibraryStatus } | LibraryRefusal> {
    const builds = await loadKnownBuilds(this.options.dataDir, this.options.logger)
    let result: CopyResult
    if (from.from === 'file') {
      try {
        result = await importScriptFile(this.options.dataDir, libVersion, from.path, builds)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        result = {
          ok: false,
          reason:
            code === 'ENOENT'
              ? `There is no file at ${from.path}.`
              : `${from.path} could not be read (${code ?? String(error)}).`,
        }
      }
    } else {
      result = await downloadScript(this.options.dataDir, libVersion, builds, this.options.cdnTls)
    }
    if (!result.ok) {
      this.options.logger.log('warn', 'Payroc script copy refused', { libVersion, from: from.from })
      return { ok: false, field: 'Script file', reason: result.reason }
    }
    this.options.logger.log('info', 'Payroc script copy verified and kept', { libVersion, from: from.from })
    return { ok: true, integrity: result.integrity, status: await this.status() }
  }

  async setSource(
    source: LibrarySource,
    libVersion: string | undefined,
  ): Promise<{ ok: true; status: LibraryStatus } | LibraryRefusal> {
    await this.status()
    if (source === 'payroc') {
      const version = libVersion ?? [...this.#verified][0]
      const refused = this.#runnable(version)
      if (refused || version === undefined)
        return { ok: false, field: 'Library source', reason: refused ?? 'No build chosen.' }
      this.#source = 'payroc'
      this.#libVersion = version
    } else {
      this.#source = 'simulated'
      this.#libVersion = null
    }
    await writeJsonFileAtomic(path.join(this.options.dataDir, SOURCE_FILE), {
      version: 1,
      source: this.#source,
      libVersion: this.#libVersion,
    })
    this.#changed()
    return { ok: true, status: await this.status() }
  }

  /** Clear all data: the choice and every copy go (the builds file is the user's own list, and stays). */
  async clear(): Promise<void> {
    await fs.rm(path.join(this.options.dataDir, SOURCE_FILE), { force: true })
    await fs.rm(path.join(this.options.dataDir, COPIES_FOLDER), { recursive: true, force: true })
    const wasChosen = this.#source === 'payroc'
    this.#source = 'simulated'
    this.#libVersion = null
    this.#verified = new Set()
    if (wasChosen) this.#changed()
  }

  #changed(): void {
    for (const listener of this.#listeners) {
      try {
        listener()
      } catch (error) {
        this.options.logger.log('error', 'library listener failed', { error: String(error) })
      }
    }
  }
}
