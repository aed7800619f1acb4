/** card:* — the surcharging check (BIN lookup). */
import { err } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { internalError } from '../hint-catalogue'

export function cardHandlers(_services: CoreServices): NamespaceHandlers<'card'> {
  return { 'card:binLookup': async () => err(internalError('card:binLookup (not wired yet)')) }
}
