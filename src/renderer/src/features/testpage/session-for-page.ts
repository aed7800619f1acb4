import type { LibraryStatus, SessionCreated } from '@shared/contract'
import { libraryScriptUrl, PAYROC_ENVIRONMENTS, type EnvironmentInfo } from '@shared/environments'
import { KNOWN_LIBRARIES } from '@shared/payroc'
import { scriptVersionOf, type TestPageSession } from '@renderer/testpage/protocol'

/**
 * What the console hands the test page for one session: the script of the session's libVersion (or of the
 * Script version override, to reproduce "UAT version copied into production"), with Payroc's SRI hash only
 * when that version is known for this environment. null when the override is not a valid version.
 */
export function sessionForPage(
  created: SessionCreated,
  environment: EnvironmentInfo,
  scriptVersion: string,
  payroc: PayrocScript | null = null,
): TestPageSession | null {
  if (payroc) {
    return {
      sessionToken: created.token,
      mode: created.scenario,
      libVersion: created.libVersion,
      scriptUrl: libraryScriptUrl(payroc.cdnBase, payroc.libVersion),
      environmentName: `${environment.name.slice(0, 30)} · Payroc's own script`,
      integrity: payroc.integrity,
    }
  }
  const version = scriptVersion.trim() || created.libVersion
  const scriptUrl = libraryScriptUrl(environment.cdnBase, version)
  if (scriptVersionOf(scriptUrl) === null) return null
  const known = KNOWN_LIBRARIES[version]
  return {
    sessionToken: created.token,
    mode: created.scenario,
    libVersion: created.libVersion,
    scriptUrl,
    environmentName: environment.name.slice(0, 60),
    ...(known && known.environment === environment.kind ? { integrity: known.integrity } : {}),
  }
}

/**
 * Payroc's own script in the Sandbox environment: loaded from its UAT CDN URL with the build's SRI; the desktop
 * shell answers that URL with the user's verified copy and the gateway calls from the sandbox.
 */
export interface PayrocScript {
  libVersion: string
  integrity: string
  cdnBase: string
}

/** The script to load instead of the simulator, or null (Simulated, not Sandbox, or no host mapping). */
export function payrocScriptFor(
  environmentId: string | undefined,
  status: LibraryStatus | null,
): PayrocScript | null {
  if (environmentId !== 'sandbox' || !status?.hostMapping || status.source !== 'payroc') return null
  const build = status.builds.find((b) => b.libVersion === status.libVersion)
  if (!build?.copy) return null
  return {
    libVersion: build.libVersion,
    integrity: build.integrity,
    cdnBase: PAYROC_ENVIRONMENTS.uat.cdnBase,
  }
}

export const cdnOrigin = (environment: EnvironmentInfo, payroc: PayrocScript | null = null): string =>
  new URL(payroc?.cdnBase ?? environment.cdnBase).origin
