/**
 * library:* — the Sandbox environment's library source (simulated, or Payroc's own script) and the user's
 * verified copies of Payroc's script. A refused copy or choice is a validation error naming the UI's field.
 */
import { err, ok } from '../../shared/result'
import type { CoreServices } from '../core-services'
import type { NamespaceHandlers } from '../dispatch'
import type { LibraryRefusal } from '../services/library/payroc-library'

const refusal = ({ field, reason }: LibraryRefusal) =>
  err({
    kind: 'validation' as const,
    message: `${field}: ${reason}`,
    hint:
      field === 'Script file'
        ? "Choose the script exactly as Payroc's CDN serves it (a saved copy with one comment on top also matches), or add its build and SRI to the builds file in the data folder."
        : 'Keep Library source on Simulated, or use the desktop app with a verified copy.',
    fields: { [field]: [reason] },
  })

export function libraryHandlers(services: CoreServices): NamespaceHandlers<'library'> {
  return {
    'library:status': async () => ok(await services.library.status()),
    'library:importScript': async (request) => {
      const result = await services.library.importScript(
        request.libVersion,
        request.from === 'file' ? { from: 'file', path: request.path } : { from: 'download' },
      )
      if (!result.ok) return refusal(result)
      return ok({
        status: result.status,
        imported: { libVersion: request.libVersion, integrity: result.integrity, from: request.from },
      })
    },
    'library:setSource': async ({ source, libVersion }) => {
      const result = await services.library.setSource(source, libVersion)
      return result.ok ? ok(result.status) : refusal(result)
    },
  }
}
