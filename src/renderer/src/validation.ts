/**
 * The contract's zod schemas, loaded on demand. They are the same schemas main validates with (so an input the
 * form accepts is one main accepts), but zod is most of the bundle: keeping it out of the entry chunk keeps
 * the first paint fast; `preloadValidation()` fetches it right after the first render.
 */
type Schemas = typeof import('./validation-schemas')

let loading: Promise<Schemas> | null = null

export function loadValidation(): Promise<Schemas> {
  loading ??= import('./validation-schemas')
  return loading
}

export const preloadValidation = (): void => void loadValidation().catch(() => (loading = null))
