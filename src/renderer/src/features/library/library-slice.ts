import type { LibrarySource, LibraryStatus } from '@shared/contract/library'
import type { SliceFactory } from '@renderer/app-store'

/** What the last import or choice said: the verification result, or why it was refused. */
export interface LibraryNotice {
  ok: boolean
  text: string
}

/**
 * Library source of the Sandbox environment (library:*): the simulated library, or Payroc's own script from a
 * copy the user imported and main verified against the build's SRI. The test page follows `status`.
 */
export interface LibrarySlice {
  library: {
    status: LibraryStatus | null
    busy: boolean
    notice: LibraryNotice | null
    load(): Promise<void>
    /** Import a copy of `libVersion`: from the file at `path`, or one download from Payroc's CDN. */
    importScript(libVersion: string, from: 'file' | 'download', path?: string): Promise<void>
    setSource(source: LibrarySource, libVersion?: string): Promise<void>
  }
}

export const createLibrarySlice: SliceFactory<LibrarySlice> =
  ({ transport }) =>
  (set, get) => {
    const patch = (next: Partial<LibrarySlice['library']>) => set({ library: { ...get().library, ...next } })
    return {
      library: {
        status: null,
        busy: false,
        notice: null,
        async load() {
          const result = await transport.call('library:status', {})
          if (result.ok) patch({ status: result.value })
        },
        async importScript(libVersion, from, path) {
          patch({ busy: true, notice: null })
          const result = await transport.call(
            'library:importScript',
            from === 'file' ? { libVersion, from, path: path ?? '' } : { libVersion, from },
          )
          if (result.ok) {
            const { imported } = result.value
            patch({
              busy: false,
              status: result.value.status,
              notice: {
                ok: true,
                text: `Verified: the ${imported.from === 'file' ? 'file' : 'download'} matches ${imported.libVersion} (${imported.integrity}) and was kept.`,
              },
            })
          } else {
            patch({ busy: false, notice: { ok: false, text: result.error.message } })
          }
        },
        async setSource(source, libVersion) {
          patch({ busy: true, notice: null })
          const result = await transport.call(
            'library:setSource',
            libVersion ? { source, libVersion } : { source },
          )
          if (result.ok) patch({ busy: false, status: result.value })
          else patch({ busy: false, notice: { ok: false, text: result.error.message } })
        },
      },
    }
  }
