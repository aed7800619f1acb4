/**
 * Builds the whole Electron-free main process: the embedded sandbox, the vault, environments, the gateway
 * clients and the journal, and returns the channel handlers. Both shells (Electron, browser preview) call this.
 */
import { DEFAULT_SANDBOX_API_KEY, startSandbox } from '../sandbox'
import { CAPABILITIES_PATH, terminalCapabilitiesRoute } from '../sandbox/capabilities'
import { SAMPLE_PAGES, sandboxTokenMinter, startMerchantPages } from '../sandbox/merchant-pages'
import type { ConsoleEvent } from '../shared/contract'
import { DEFAULT_PROFILE } from '../shared/environments'
import { err } from '../shared/result'
import type { AppInfo } from '../shared/contract'
import type { Logger, SecretStore } from './app-types'
import type { CoreServices } from './core-services'
import { createDispatch, type Dispatch } from './dispatch'
import { buildHandlers } from './handlers'
import { createFileLogger, scrubbingLogger, type FileLogger } from './services/storage/file-log'
import { BatchRuns } from './services/diagnostics/batch-runs'
import { Environments, heldKeyError } from './services/gateway/environment-store'
import { GatewayRegistry } from './services/gateway/gateway-registry'
import { DEFAULT_TIMEOUTS, type HttpTimeouts } from './services/gateway/http-client'
import { History } from './services/storage/session-history'
import { Journal } from './services/storage/exchange-journal'
import { keytarStore } from './services/credentials/keytar-store'
import { PreflightReports } from './services/diagnostics/preflight-steps'
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './services/gateway/retry-policy'
import { KnownSecrets } from './services/credentials/known-secrets'
import { prewarm } from './services/gateway/token-prewarm'
import { TokenCache } from './services/gateway/token-cache'
import { Vault, VAULT_SERVICE } from './services/credentials/vault'
import { KeyStores } from './services/credentials/key-stores'
import { LiveSession } from './services/live/live-session'
import type { SafeStorageLike } from './services/credentials/fallback-store'
import { InFlightCalls } from './services/gateway/time-budget'
import { ensurePrivateFolder } from './services/storage/json-file'
import type { PageEngine } from './services/merchant-page/page-engine'
import { chromiumEngine } from './services/merchant-page/playwright-driver'
import { PageChecks } from './services/merchant-page/page-checks'
import { PayrocLibrary } from './services/library/payroc-library'

const APP_NAME = 'Hosted Fields Session Console'

export interface ConsoleOptions {
  /** Where history, settings and the log live. Tests always pass a temporary folder. */
  dataDir: string
  transport: 'electron' | 'web'
  appVersion: string
  /** Origin of the Hosted Fields test page server (second loopback port). */
  testPageOrigin: string
  /** Defaults to keytar. Integration tests use the real keychain too; unit tests may pass a fake. */
  secretStore?: SecretStore
  /** The desktop app's Electron safeStorage: the fallback store where no Secret Service is reachable. */
  safeStorage?: SafeStorageLike
  /** Options for the embedded sandbox (port 0 = free port, the default). */
  sandbox?: { port?: number }
  logger?: Logger
  /** Gateway client tuning; tests shorten the backoff so retries run in milliseconds. */
  gateway?: { retry?: Partial<RetryPolicy>; timeouts?: Partial<HttpTimeouts> }
  /** History tuning (tests: a small cap, a short write delay). */
  history?: { capacity?: number; compactEvery?: number }
  /** The browser that checks merchant pages (desktop: its hidden window); default playwright-core + Chromium. */
  pageEngine?: PageEngine
  /** The shell's own origins a checked page must never reach (the preview's bridge), read at each check. */
  consoleOrigins?: () => readonly string[]
  /** Page check tuning (tests: a shorter quiet period). */
  pageCheck?: { quietMs?: number }
  /**
   * Payroc's own library in the Sandbox environment: whether the shell maps Payroc's gateway host in the test
   * page's session (the desktop app does; the preview cannot), and a test CDN's certificate for the download.
   */
  library?: { hostMapping?: boolean; cdnCa?: Buffer }
}

export interface ConsoleApp {
  /** The only way into the channels: validation, policies, the handler, error trapping, scrubbing. */
  dispatch: Dispatch
  info: AppInfo
  /** The Sandbox environment's library source and the user's copies of Payroc's script (the shell maps). */
  library: PayrocLibrary
  /** Every environment's CDN base as it stands now (the desktop shell derives its frame allow-list from it). */
  cdnBases(): string[]
  subscribe(listener: (event: ConsoleEvent) => void): () => void
  close(): Promise<void>
}

const isFileLogger = (logger: Logger): logger is FileLogger =>
  'setSecretSource' in logger && typeof logger.setSecretSource === 'function'

export async function createConsole(options: ConsoleOptions): Promise<ConsoleApp> {
  await ensurePrivateFolder(options.dataDir)
  const secrets = new KnownSecrets()
  const baseLogger = options.logger ?? createFileLogger(options.dataDir)
  if (isFileLogger(baseLogger)) baseLogger.setSecretSource(() => secrets.list())
  const logger = scrubbingLogger(baseLogger, () => secrets.list())

  const sandbox = await startSandbox({ port: options.sandbox?.port ?? 0 })
  sandbox.addRoute(terminalCapabilitiesRoute)
  secrets.add(DEFAULT_SANDBOX_API_KEY)
  const samplePages = await startMerchantPages({
    sandboxUrl: sandbox.url,
    mintToken: sandboxTokenMinter(sandbox),
  }).catch(async (error: unknown) => {
    await sandbox.close()
    throw error
  })
  const listeners = new Set<(event: ConsoleEvent) => void>()
  const emit = (raw: ConsoleEvent) => {
    // Every push event (webContents.send, server-sent events) through the same scrubber as the answers.
    const event = secrets.scrubValue(raw)
    for (const listener of listeners) {
      try {
        listener(event)
      } catch (error) {
        logger.log('error', 'event listener failed', { error: String(error) })
      }
    }
  }

  try {
    const environments = await Environments.open(options.dataDir, sandbox.url, logger)
    const history = await History.open(options.dataDir, logger, {
      ...options.history,
      scrub: (text) => secrets.scrub(text),
    })
    const tokens = new TokenCache()
    const journal = new Journal(secrets)
    journal.onEntry((entry) => emit({ type: 'journal', entry }))
    // The keychain, else safeStorage (desktop), else — once chosen — keys kept for this session only.
    const keyStores = new KeyStores({
      keychain: options.secretStore ?? keytarStore(),
      service: VAULT_SERVICE,
      dataDir: options.dataDir,
      platform: process.platform,
      ...(options.safeStorage ? { safeStorage: options.safeStorage } : {}),
    })
    const vault = new Vault({
      store: keyStores.store,
      storage: () => keyStores.state(),
      secrets,
      logger,
      managedKey: (environmentId, profile) =>
        environmentId === 'sandbox' && profile === DEFAULT_PROFILE ? DEFAULT_SANDBOX_API_KEY : undefined,
      // A replaced or deleted key must not keep working through a Bearer token fetched with it.
      onKeyChanged: (environmentId, profile) => tokens.invalidate(`${environmentId}/${profile}`),
    })
    const timeouts = { ...DEFAULT_TIMEOUTS, ...options.gateway?.timeouts }
    const gateways = new GatewayRegistry({
      apiKey: async (environmentId, profile) => {
        const key = await vault.apiKey(environmentId, profile)
        const hold = environments.keyHold(environmentId, profile)
        // Hosts changed since the key was stored: it goes nowhere new until the user confirms (Credentials).
        return key.ok && hold ? err(heldKeyError(environments.get(environmentId)?.name, hold)) : key
      },
      tokens,
      journal,
      secrets,
      logger,
      retry: { ...DEFAULT_RETRY_POLICY, ...options.gateway?.retry },
      timeouts,
    })
    const info = {
      name: APP_NAME,
      version: options.appVersion,
      transport: options.transport,
      testPageOrigin: options.testPageOrigin,
      sandboxUrl: sandbox.url,
      dataDir: options.dataDir,
      ...(environments.notices.length > 0 ? { dataNotices: [...environments.notices] } : {}),
      samplePages: SAMPLE_PAGES.map((page) => ({
        name: page.name,
        what: page.what,
        url: samplePages.pageUrl(page.name),
      })),
    }
    const pageChecks = new PageChecks({
      // The Chromium is launched on the first check only (the desktop shell injects its hidden window).
      engine: options.pageEngine ?? chromiumEngine(),
      consoleOrigins: () => [
        ...(options.testPageOrigin ? [options.testPageOrigin] : []),
        ...(options.consoleOrigins?.() ?? []),
      ],
      knownSecrets: () => secrets.list(),
      quietMs: options.pageCheck?.quietMs,
    })
    const batches = new BatchRuns(journal)
    const inFlight = new InFlightCalls()
    const library = await PayrocLibrary.open({
      dataDir: options.dataDir,
      logger,
      hostMapping: options.library?.hostMapping ?? false,
      sandboxUrl: sandbox.url,
      selectedEnvironment: () => environments.selected().environmentId,
      ...(options.library?.cdnCa ? { cdnTls: { ca: options.library.cdnCa } } : {}),
    })
    const services: CoreServices = {
      ...{ info, environments, vault, gateways, journal, logger, emit },
      ...{
        history,
        preflights: new PreflightReports(),
        batches,
        secrets,
        timeouts,
        pageChecks,
        library,
        inFlight,
        keyStores,
      },
      liveSession: new LiveSession(),
      sandboxTokenization: (id) => sandboxTokenization(sandbox.url, id),
    }
    const dispatch = createDispatch({
      handlers: buildHandlers(services),
      environments,
      historyEnvironment: (id) => history.get(id)?.environmentId,
      secrets,
      logger,
    })

    // Pre-warm the sandbox before returning (loopback, milliseconds), so the first create is one round trip;
    // the selected environment, if another, warms in the background. Failures become events, never throws.
    const sandboxEnv = environments.get('sandbox')
    if (sandboxEnv) {
      await prewarm(services, sandboxEnv, DEFAULT_PROFILE).catch((error: unknown) =>
        logger.log('error', 'sandbox pre-warm crashed', { error: String(error) }),
      )
    }
    const selected = environments.selected()
    const selectedEnv = environments.get(selected.environmentId)
    if (selectedEnv && selectedEnv.id !== 'sandbox') {
      void vault
        .status(selectedEnv.id, selected.profile)
        .then((status) => (status.configured ? prewarm(services, selectedEnv, selected.profile) : false))
        .catch((error: unknown) => logger.log('error', 'pre-warm crashed', { error: String(error) }))
    }
    logger.log('info', 'console started', { transport: options.transport, sandboxUrl: sandbox.url })

    let closed = false
    return {
      dispatch,
      info,
      library,
      cdnBases: () => environments.list().map((environment) => environment.cdnBase),
      subscribe(listener) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      async close() {
        if (closed) return
        closed = true
        listeners.clear()
        // Abort running batches before the clients go; then fold the history log into history.json.
        await batches.clear()
        inFlight.cancelAll()
        await pageChecks.close()
        await history.close()
        gateways.close()
        tokens.clear()
        keyStores.close()
        await samplePages.close()
        await sandbox.close()
        logger.log('info', 'console closed')
        // A logger passed in belongs to the shell, which closes it; our own we close here.
        if (!options.logger && isFileLogger(baseLogger)) baseLogger.close()
      },
    }
  } catch (error) {
    await samplePages.close()
    await sandbox.close()
    throw error
  }
}

/** Whether a sandbox terminal has secure tokens (undefined: unknown terminal or no answer). */
async function sandboxTokenization(sandboxUrl: string, id: string): Promise<boolean | undefined> {
  try {
    const response = await fetch(`${sandboxUrl}${CAPABILITIES_PATH}${encodeURIComponent(id)}`)
    if (!response.ok) return undefined
    const body = (await response.json()) as { tokenization?: unknown }
    return typeof body.tokenization === 'boolean' ? body.tokenization : undefined
  } catch {
    return undefined
  }
}
