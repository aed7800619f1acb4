/** Checks `csp` and `secrets`: does the page's policy let the library work, and does the page leak credentials. */
import { blockedBy, parsePolicies, type CspPolicy, type CspResource } from './csp'
import { FIELD_FRAME_PATH, GATEWAY_CONFIGURATION_PATH, SANDBOX_INITIALIZE_PATH } from './knowledge'
import { check, libraryScripts, maskedSecret, plural, requestLine } from './facts'
import { originOf, type PageModel } from './page-model'
import type { LibraryEnvironment, PageCheck, PageRecording } from './types'

const CSP_MESSAGE = /Content[- ]Security[- ]Policy/i

function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return ''
  }
}

interface Need {
  url: string
  resource: CspResource
}

/** What the library needs to reach, per resource type: the environment's hosts plus what the page really used. */
function needs(model: PageModel, recording: PageRecording, env: LibraryEnvironment): Need[] {
  const script = libraryScripts(model, recording)[0]
  const list: Need[] = [
    { url: script?.url ?? `${env.scriptOrigins[0] ?? ''}/js/hosted-fields/`, resource: 'script' },
  ]
  for (const origin of env.gatewayOrigins) {
    list.push({ url: `${origin}/`, resource: 'frame' }, { url: `${origin}/`, resource: 'connect' })
  }
  for (const request of model.requests) {
    const path = pathOf(request.url)
    if (FIELD_FRAME_PATH.test(path)) list.push({ url: request.url, resource: 'frame' })
    else if (GATEWAY_CONFIGURATION_PATH.test(path) || SANDBOX_INITIALIZE_PATH.test(path))
      list.push({ url: request.url, resource: 'connect' })
  }
  const seen = new Set<string>()
  return list.filter(
    (need) =>
      originOf(need.url) &&
      !seen.has(`${need.resource} ${need.url}`) &&
      seen.add(`${need.resource} ${need.url}`),
  )
}

const DIRECTIVE_OF: Record<CspResource, string> = {
  script: 'script-src',
  frame: 'frame-src',
  connect: 'connect-src',
}

export function cspCheck(model: PageModel, recording: PageRecording, env: LibraryEnvironment): PageCheck {
  if (!recording.load.ok && !model.document) return check('csp', 'skip', 'The page did not load.', [], '')
  const sources: { label: string; policies: CspPolicy[] }[] = []
  const header = model.document?.responseHeaders['content-security-policy']
  if (header)
    for (const line of header.split('\n'))
      sources.push({ label: `Content-Security-Policy: ${line}`, policies: parsePolicies(line) })
  for (const meta of recording.facts?.metaCsp ?? [])
    sources.push({
      label: `<meta http-equiv="Content-Security-Policy" content="${meta}">`,
      policies: parsePolicies(meta),
    })
  const evidence = sources.map((source) => source.label)
  const problems: string[] = []
  const missing = new Map<CspResource, Set<string>>()
  const wanted = needs(model, recording, env)
  for (const { url: target, resource } of wanted) {
    for (const source of sources) {
      const rule = blockedBy(source.policies, resource, target, model.pageOrigin)
      if (rule) {
        problems.push(
          `${rule.directive} ${rule.sources.join(' ') || '(empty)'} does not allow ${resource} ${target}`,
        )
        missing.set(resource, (missing.get(resource) ?? new Set()).add(originOf(target)))
      }
    }
  }
  const libraryOrigins = new Set([
    ...env.scriptOrigins,
    ...env.gatewayOrigins,
    ...wanted.map((need) => originOf(need.url)),
  ])
  const violations = new Set<string>()
  for (const event of model.probe) {
    if (
      event.kind === 'csp-violation' &&
      event.disposition !== 'report' &&
      libraryOrigins.has(originOf(event.blockedURI))
    ) {
      violations.add(`violation: ${event.directive} blocked ${event.blockedURI}`)
    }
  }
  for (const message of model.messages) {
    if (
      CSP_MESSAGE.test(message.text) &&
      [...libraryOrigins].some((origin) => origin && message.text.includes(origin))
    )
      violations.add(message.text)
  }
  for (const request of model.requests) {
    if (request.failure?.blockedReason === 'csp' && libraryOrigins.has(originOf(request.url)))
      violations.add(requestLine(request))
  }
  evidence.push(...problems, ...violations)
  if (problems.length > 0 || violations.size > 0) {
    const add = [...missing].map(
      ([resource, origins]) => `${DIRECTIVE_OF[resource]} ${[...origins].join(' ')}`,
    )
    return check(
      'csp',
      'fail',
      `The page's Content-Security-Policy blocks the library (${plural(problems.length + violations.size, 'finding')}).`,
      evidence,
      add.length > 0
        ? `Add to the policy: ${add.join('; ')}.`
        : "Allow the library's script, frame and connect hosts in the policy.",
    )
  }
  if (sources.length === 0)
    return check(
      'csp',
      'pass',
      'The page sends no Content-Security-Policy, so nothing blocks the library (a policy is still recommended).',
      [],
      '',
    )
  if (
    env.gatewayOrigins.length === 0 &&
    !model.requests.some((request) => FIELD_FRAME_PATH.test(pathOf(request.url)))
  ) {
    return check(
      'csp',
      'warn',
      `The policy allows the script; the ${env.id} gateway host is unconfirmed and no field frame loaded, so frame-src and connect-src cannot be judged.`,
      evidence,
      'Check frame-src and connect-src against the gateway host the library uses.',
    )
  }
  return check(
    'csp',
    'pass',
    "The page's policy allows the library's script, frames and connections.",
    evidence,
    '',
  )
}

/** Credential-looking text: an API key assignment or a Bearer token. */
const SECRET_PATTERNS: { name: string; pattern: RegExp }[] = [
  { name: 'API key', pattern: /\b(?:x-api-key|api[_-]?key)\b["']?\s*[:=,]\s*["'`]([^"'`\s]{8,})["'`]/gi },
  { name: 'Bearer token', pattern: /\bBearer\s+([A-Za-z0-9._~+/=-]{16,})/g },
]

function scanText(where: string, text: string, knownSecrets: readonly string[], found: string[]): void {
  for (const { name, pattern } of SECRET_PATTERNS) {
    for (const match of text.matchAll(pattern))
      found.push(`${name} in ${where}: ${maskedSecret(match[1] ?? '')}`)
  }
  for (const secret of knownSecrets) {
    if (secret.length >= 8 && text.includes(secret))
      found.push(`this environment's API key in ${where}: ${maskedSecret(secret)}`)
  }
}

export function secretsCheck(
  model: PageModel,
  recording: PageRecording,
  env: LibraryEnvironment,
  knownSecrets: readonly string[],
): PageCheck {
  if (!model.document && !recording.facts) return check('secrets', 'skip', 'The page did not load.', [], '')
  const found: string[] = []
  if (model.document) {
    const html = model.bodies[model.document.id]
    if (html !== undefined) scanText('the page HTML', html, knownSecrets, found)
  }
  recording.facts?.scripts.forEach((tag, index) => {
    if (tag.text) scanText(`inline script #${index + 1}`, tag.text, knownSecrets, found)
  })
  let identityCalls = 0
  for (const request of model.requests) {
    if (request === model.document) continue
    const body = model.bodies[request.id]
    if (body !== undefined && request.type === 'Script')
      scanText(`script ${request.url}`, body, knownSecrets, found)
    const key = request.headers['x-api-key']
    if (key) found.push(`x-api-key header on ${request.method} ${request.url}: ${maskedSecret(key)}`)
    const auth = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')
    if (auth)
      found.push(`Authorization: Bearer on ${request.method} ${request.url}: ${maskedSecret(auth[1] ?? '')}`)
    scanText(`${request.method} ${request.url}`, `${request.url}\n${request.postData}`, knownSecrets, found)
    const identity =
      env.identityOrigins.includes(originOf(request.url)) ||
      (/\.payroc\.com$/.test(new URL(request.url).hostname) &&
        /^identity\./.test(new URL(request.url).hostname))
    if (identity && /\/authorize\/?$/.test(pathOf(request.url))) {
      identityCalls++
      found.push(`identity call from the browser: ${requestLine(request)}`)
    }
  }
  const unique = [...new Set(found)]
  if (unique.length > 0) {
    return check(
      'secrets',
      'fail',
      identityCalls > 0
        ? 'The page calls the identity service from the browser and exposes credentials.'
        : 'The page exposes an API key or Bearer token.',
      unique,
      "Keep the API key on the merchant's server: it calls /authorize and creates the session there, and hands the browser only the session token. Rotate the exposed key.",
    )
  }
  return check(
    'secrets',
    'pass',
    'No API key or Bearer token in the page, its scripts or its requests, and no identity call from the browser.',
    [],
    '',
  )
}
