/** singleUseToken:* — a single-use token without a browser (Production confirmed by dispatch). */
import { err } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import { internalError } from '../hint-catalogue'

export function singleUseTokenHandlers(_services: CoreServices): NamespaceHandlers<'singleUseToken'> {
  return {
    'singleUseToken:create': async () => err(internalError('singleUseToken:create (not wired yet)')),
  }
}
