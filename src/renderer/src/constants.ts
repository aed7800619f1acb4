/**
 * Values mirrored from src/shared without importing it (its modules build zod schemas at load time, which
 * would pull zod into the entry chunk). A unit test checks they still match.
 */
export const DEFAULT_PROFILE = 'default'
