/**
 * POST /hosted-fields/single-use-tokens: a one-call shortcut that mints a single-use token from card data
 * `{sessionToken, cardholderName, cardNumber, expiryDate, cvv?}` → 201 `{token, expiresAt}`. Neither library uses
 * it any more (both go through the gateway protocol, gateway-routes.ts); it stays only because sandbox and core
 * tests mint tokens with it.
 */
import { z } from 'zod'
import type { ProblemError } from '../../shared/payroc'
import { json, validationProblem } from '../problem-replies'
import { answeringInputErrors, mediaChecks, parseBody } from '../routes/gateway-checks'
import type { SandboxRoute } from '../sandbox-types'

/** Body of POST /hosted-fields/single-use-tokens. */
export const SingleUseTokenRequest = z.object({
  sessionToken: z.string({ error: 'sessionToken must be a string' }).min(1).max(200),
  cardholderName: z.string({ error: 'cardholderName must be a string' }).max(200),
  cardNumber: z.string({ error: 'cardNumber must be a string' }).max(40),
  expiryDate: z.string({ error: 'expiryDate must be a string' }).max(10),
  cvv: z
    .string({ error: 'cvv must be a string' })
    .regex(/^\d{3,4}$/, { error: 'cvv must be 3 or 4 digits' })
    .optional(),
})

export const singleUseTokenRoute: SandboxRoute = {
  method: 'POST',
  path: /^\/hosted-fields\/single-use-tokens$/,
  group: 'library',
  handle(ctx) {
    const media = mediaChecks(ctx.req, true)
    if (media) return media
    const errors: ProblemError[] = []
    const body = parseBody(ctx.body, SingleUseTokenRequest, errors)
    if (errors.length > 0 || body === undefined) return validationProblem(errors)
    return answeringInputErrors(() => {
      const issued = ctx.state.issueSingleUseToken({
        sessionToken: body.sessionToken,
        card: {
          cardholderName: body.cardholderName,
          cardNumber: body.cardNumber,
          expiryDate: body.expiryDate,
        },
      })
      return json(201, issued)
    })
  },
}
