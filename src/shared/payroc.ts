/**
 * Payroc's wire shapes (PAYROC.md), validated with zod. The sandbox and the app parse with these same
 * schemas, so a request the app accepts is one the gateway accepts and vice versa. One import path for all:
 * sessions, identity, problems and secure tokens (payroc-base.ts); card and bank-transfer payments
 * (payroc-payments.ts); secure-token management, BIN lookup and single-use tokens (payroc-token-calls.ts).
 */
export * from './payroc-base'
export * from './payroc-payments'
export * from './payroc-token-calls'
