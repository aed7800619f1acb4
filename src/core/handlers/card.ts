/** card:* — the surcharging check (BIN lookup), a read. */
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { binLookup } from '../services/flows/card-tokens'

export function cardHandlers(services: CoreServices): NamespaceHandlers<'card'> {
  return { 'card:binLookup': (input, { environment }) => binLookup(services, environment, input) }
}
