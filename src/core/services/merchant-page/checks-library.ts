/** Checks `script`, `version` and `sri`: is the library there, of the right build, and pinned by its hash. */
import { createHash } from 'node:crypto'
import { LIB_VERSION_PATTERN } from '../../../shared/payroc'
import { knownBuild, KNOWN_LIBRARIES, UAT_ENVIRONMENT, PRODUCTION_ENVIRONMENT } from './knowledge'
import {
  check,
  libraryDefined,
  libraryErrors,
  libraryScripts,
  ok,
  requestLine,
  type LibraryScript,
} from './facts'
import type { PageModel } from './page-model'
import type { LibraryEnvironment, PageCheck, PageRecording } from './types'

const integrityMessage = (model: PageModel, url?: string): string | undefined =>
  model.messages.find((message) => /integrity/i.test(message.text) && (!url || message.text.includes(url)))
    ?.text

export function scriptCheck(model: PageModel, recording: PageRecording): PageCheck {
  if (!recording.load.ok) {
    return check(
      'script',
      'fail',
      `The page did not load: ${recording.load.reason}`,
      [recording.url],
      'Check the URL and that the page answers in time; raise --timeout for a slow page.',
    )
  }
  const scripts = libraryScripts(model, recording)
  const defined = libraryDefined(model, recording)
  if (scripts.length === 0) {
    if (defined) {
      return check(
        'script',
        'warn',
        'Payroc.hostedFields is defined, but not by a script at /js/hosted-fields/hosted-fields-<libVersion>.js, so its build cannot be told.',
        ['window.Payroc.hostedFields present'],
        "Load Payroc's script from its CDN by its versioned path rather than a copy.",
      )
    }
    return check(
      'script',
      'fail',
      'No Hosted Fields library on the page: no script at /js/hosted-fields/hosted-fields-<libVersion>.js and no Payroc.hostedFields.',
      [],
      'Add Payroc\'s <script src=…/js/hosted-fields/hosted-fields-<libVersion>.js integrity=… crossorigin="anonymous"> before the init code.',
    )
  }
  const [first] = scripts as [LibraryScript, ...LibraryScript[]]
  const evidence = scripts.map((script) =>
    script.request ? requestLine(script.request) : `<script src="${script.url}"> (never requested)`,
  )
  const failed = scripts.find((script) => !script.request || !ok(script.request))
  if (failed && !defined) {
    const blocked = failed.request?.failure?.blockedReason
    const hint =
      blocked === 'csp'
        ? "The page's Content-Security-Policy blocks the script: add its host to script-src."
        : failed.request?.status !== undefined && failed.request.status >= 400
          ? 'The script URL answers with an error: check the host and libVersion in the src.'
          : "The browser could not fetch the script: check the host, the network and the page's CSP."
    return check('script', 'fail', `The Hosted Fields script did not load (${failed.url}).`, evidence, hint)
  }
  if (!defined) {
    const sri = integrityMessage(model)
    if (sri) evidence.push(sri)
    return check(
      'script',
      'fail',
      sri
        ? 'The script was downloaded but the browser refused to run it: its integrity does not match.'
        : 'The script was downloaded but Payroc.hostedFields never appeared.',
      evidence,
      sri
        ? 'Use the integrity value published for this exact build.'
        : 'Check that the URL serves the Hosted Fields library and that nothing on the page overwrites window.Payroc.',
    )
  }
  if (scripts.length > 1) {
    return check(
      'script',
      'warn',
      `The library is loaded ${scripts.length} times (${scripts.map((s) => s.version).join(', ')}).`,
      evidence,
      'Load one Hosted Fields script per page.',
    )
  }
  return check(
    'script',
    'pass',
    `Loaded hosted-fields-${first.version}.js from ${new URL(first.url).host}.`,
    evidence,
    '',
  )
}

const envOfOrigin = (origin: string): 'uat' | 'production' | undefined =>
  UAT_ENVIRONMENT.scriptOrigins.includes(origin)
    ? 'uat'
    : PRODUCTION_ENVIRONMENT.scriptOrigins.includes(origin)
      ? 'production'
      : undefined

const knownList = (): string =>
  Object.entries(KNOWN_LIBRARIES)
    .map(([version, build]) => `${version} (${build.environment})`)
    .join(', ')

export function versionCheck(model: PageModel, recording: PageRecording, env: LibraryEnvironment): PageCheck {
  const script = libraryScripts(model, recording)[0]
  if (!script) return check('version', 'skip', 'No library script, so no build to judge.', [], '')
  const { version } = script
  const evidence = [`<script src="${script.url}">`]
  if (!LIB_VERSION_PATTERN.test(version)) {
    return check(
      'version',
      'fail',
      `"${version}" is not a libVersion (like 1.7.0.261457).`,
      evidence,
      'Use a published build number in the script path.',
    )
  }
  const mismatch = libraryErrors(model).find((error) => /libVersion/i.test(error.message))
  if (mismatch) {
    evidence.push(mismatch.message)
    return check(
      'version',
      'fail',
      `The session was created for another build than the loaded ${version}.`,
      evidence,
      'Create the session with the libVersion of the script the page loads (or load the build the session names).',
    )
  }
  const build = knownBuild(version)
  const origin = new URL(script.url).origin
  if (env.kind === 'uat' || env.kind === 'production') {
    const other = env.kind === 'uat' ? 'production' : 'uat'
    if (build && build.environment !== env.kind) {
      return check(
        'version',
        'fail',
        `${version} is the ${build.environment === 'uat' ? 'UAT' : 'production'} build, on a ${env.kind === 'uat' ? 'UAT' : 'production'} page.`,
        evidence,
        `Load the ${env.kind === 'uat' ? 'UAT' : 'production'} build and its integrity value (${knownList()}).`,
      )
    }
    if (envOfOrigin(origin) === other) {
      return check(
        'version',
        'fail',
        `The script comes from ${new URL(script.url).host}, the ${other === 'uat' ? 'UAT' : 'production'} CDN.`,
        evidence,
        `Load the script from ${env.scriptOrigins.join(' or ')}.`,
      )
    }
    if (!build) {
      return check(
        'version',
        'warn',
        `${version} is not a build this console knows for ${env.kind === 'uat' ? 'UAT' : 'production'}.`,
        evidence,
        `Known builds: ${knownList()}. An older build may still work; Payroc's guides name the current one.`,
      )
    }
    return check(
      'version',
      'pass',
      `${version} is the current ${env.kind === 'uat' ? 'UAT' : 'production'} build.`,
      evidence,
      '',
    )
  }
  const note = build ? ` (the ${build.environment === 'uat' ? 'UAT' : 'production'} build)` : ''
  return check(
    'version',
    'pass',
    `${version}${note}; the ${env.kind === 'sandbox' ? 'sandbox serves any build' : 'environment accepts it'} and the session matches it.`,
    evidence,
    '',
  )
}

/**
 * The integrity value the tag should carry, best source first: Payroc's published hash for a known build on its
 * CDN; the digest the browser computed when it refused the script; the hash of the received body (a text body is
 * only byte-exact when the server declared UTF-8, so this is the last resort). Undefined when none applies.
 */
function expectedIntegrity(
  script: LibraryScript,
  model: PageModel,
  refused: string | undefined,
): { value?: string; from: string } {
  const build = knownBuild(script.version)
  if (build && envOfOrigin(new URL(script.url).origin)) {
    return { value: build.integrity, from: `Payroc's published hash for ${script.version}` }
  }
  const computed = refused ? /computed (SHA-(?:256|384|512)) integrity '([^']+)'/i.exec(refused) : null
  if (computed) {
    return {
      value: `${(computed[1] ?? '').replace('-', '').toLowerCase()}-${computed[2] ?? ''}`,
      from: 'the digest the browser computed',
    }
  }
  const body = script.request ? model.bodies[script.request.id] : undefined
  if (body !== undefined) {
    return {
      value: `sha384-${createHash('sha384').update(body, 'utf8').digest('base64')}`,
      from: 'the hash of the script the page received',
    }
  }
  return { from: 'unknown' }
}

export function sriCheck(model: PageModel, recording: PageRecording): PageCheck {
  const script = libraryScripts(model, recording)[0]
  if (!script) return check('sri', 'skip', 'No library script, so no integrity to check.', [], '')
  if (!script.tag)
    return check(
      'sri',
      'skip',
      'The library was not loaded by a <script> element still on the page.',
      [script.url],
      'Load the library with a plain <script src=… integrity=… crossorigin="anonymous">.',
    )
  const { tag } = script
  const evidence = [
    `<script src="${tag.src ?? ''}"${tag.integrity ? ` integrity="${tag.integrity}"` : ''}${tag.crossorigin !== null ? ` crossorigin="${tag.crossorigin}"` : ''}>`,
  ]
  const refused = integrityMessage(model, script.url) ?? integrityMessage(model)
  if (!tag.integrity) {
    return check(
      'sri',
      'warn',
      'The library script has no integrity attribute: a changed or compromised script would run unnoticed.',
      evidence,
      'Add integrity="sha384-…" (the value published for this build) and crossorigin="anonymous".',
    )
  }
  if (refused) evidence.push(refused)
  const expected = expectedIntegrity(script, model, refused)
  const given = tag.integrity.split(/\s+/).filter((token) => /^sha(256|384|512)-/.test(token))
  // The browser checked the bytes it ran: its silence is a pass unless a published hash says otherwise.
  const browserVerified =
    !refused && libraryDefined(model, recording) && script.request !== undefined && ok(script.request)
  if (browserVerified && !expected.from.startsWith("Payroc's")) {
    return check(
      'sri',
      'pass',
      'integrity present; the browser verified it against the script it received.',
      evidence,
      '',
    )
  }
  if (expected.value !== undefined && !given.includes(expected.value)) {
    evidence.push(`expected ${expected.value} (${expected.from})`)
    return check(
      'sri',
      'fail',
      `The integrity value does not match ${script.version}: the browser refuses to run the script.`,
      evidence,
      'Copy the integrity value published for this exact build; UAT and production differ.',
    )
  }
  if (refused)
    return check(
      'sri',
      'fail',
      'The browser refused the script on its integrity.',
      evidence,
      'Use the integrity value published for this exact build, with crossorigin="anonymous".',
    )
  if (tag.crossorigin === null && new URL(script.url).origin !== model.pageOrigin) {
    return check(
      'sri',
      'fail',
      'integrity without crossorigin on a cross-origin script: the browser cannot check it and blocks the script.',
      evidence,
      'Add crossorigin="anonymous" to the script element.',
    )
  }
  if (expected.value === undefined && (!script.request || !ok(script.request))) {
    return check(
      'sri',
      'skip',
      'The script was never downloaded, so its integrity could not be compared.',
      evidence,
      '',
    )
  }
  if (expected.value === undefined) {
    return check(
      'sri',
      'warn',
      `integrity is present, but ${script.version} is not a known build and its body was not captured, so it cannot be verified.`,
      evidence,
      '',
    )
  }
  return check('sri', 'pass', `integrity matches ${expected.from}.`, evidence, '')
}
