/** Identity: POST /authorize trades an x-api-key for a Bearer token. */
import { json, problem } from '../problem-replies'
import type { SandboxRoute } from '../sandbox-types'

export const identityRoutes: readonly SandboxRoute[] = [
  {
    method: 'POST',
    path: /^\/authorize$/,
    group: 'authorize',
    handle({ req, state }) {
      const raw = req.headers['x-api-key']
      const apiKey = typeof raw === 'string' ? raw.trim() : ''
      if (apiKey === '') return problem(401, 'The x-api-key header is missing.')
      const issued = state.issueAccessToken(apiKey)
      if (!issued) return problem(401, 'The API key is not valid.')
      return json(200, {
        access_token: issued.accessToken,
        token_type: 'Bearer',
        expires_in: Math.max(1, Math.round(state.config.tokenTtlSeconds)),
        scope: 'hosted-fields-sessions secure-tokens',
      })
    },
  },
]
