import type { SessionCreated } from '@shared/contract'
import { libraryScriptUrl, type EnvironmentInfo } from '@shared/environments'
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
): TestPageSession | null {
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

export const cdnOrigin = (environment: EnvironmentInfo): string => new URL(environment.cdnBase).origin
