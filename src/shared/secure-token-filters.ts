/**
 * The filters GET /processing-terminals/{id}/secure-tokens takes (besides its cursors and limit), in the order the
 * Secure tokens screen shows them. No zod: the renderer's first chunk imports this.
 */
export const SECURE_TOKEN_LIST_FILTERS = [
  'secureTokenId',
  'customerName',
  'phone',
  'email',
  'token',
  'first6',
  'last4',
] as const
export type SecureTokenListFilter = (typeof SECURE_TOKEN_LIST_FILTERS)[number]
