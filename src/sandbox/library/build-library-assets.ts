/**
 * Builds the simulated library's browser code (browser/*.ts) into the two scripts the sandbox serves: the
 * library (`window.Payroc.hostedFields` and, for the gateway's field frame page, `Payroc.Gateway.init()`; its
 * `__HF_CONFIG__` placeholder left in) and the frame page's boot script.
 * esbuild is passed in: the electron-vite config hands over its own import at build time; under tsx and vitest
 * library-assets.ts loads it at first use. Both get the same bytes.
 */
import { join } from 'node:path'

/** The part of esbuild's API this needs (so the caller decides how esbuild is loaded). */
export interface EsbuildLike {
  buildSync(options: {
    entryPoints: Record<string, string>
    bundle: true
    write: false
    outdir: string
    format: 'iife'
    platform: 'browser'
    target: string
    charset: 'utf8'
    legalComments: 'none'
    logLevel: 'silent'
    tsconfigRaw: string
  }): { outputFiles?: { path: string; text: string }[] }
}

export interface LibraryAssets {
  /** The library script; `__HF_CONFIG__` stands for `{ libVersion, origin }`. */
  library: string
  /** The gateway field frame page's last script: starts the loaded library's field-frame side. */
  frameBoot: string
}

/** The folder of the browser sources, from this file's folder. */
export const BROWSER_SOURCE_DIR = 'browser'

const HEADERS: Record<keyof LibraryAssets, string> = {
  library: '/* Payroc Hosted Fields — sandbox simulation. */\n',
  frameBoot: '/* Payroc Hosted Fields — sandbox gateway field frame start. */\n',
}

export function buildLibraryAssets(esbuild: EsbuildLike, sourceDir: string): LibraryAssets {
  const result = esbuild.buildSync({
    entryPoints: {
      library: join(sourceDir, 'hosted-fields-library.ts'),
      frameBoot: join(sourceDir, 'field-frame-boot.ts'),
    },
    bundle: true,
    write: false,
    outdir: join(sourceDir, 'out'),
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
    tsconfigRaw: JSON.stringify({ compilerOptions: { strict: true, useDefineForClassFields: false } }),
  })
  const text = (name: keyof LibraryAssets): string => {
    const file = result.outputFiles?.find((output) => output.path.endsWith(`${name}.js`))
    if (!file) throw new Error(`the sandbox's ${name} script was not built`)
    return HEADERS[name] + file.text
  }
  const assets = { library: text('library'), frameBoot: text('frameBoot') }
  if (assets.library.split('__HF_CONFIG__').length !== 2) {
    throw new Error('the built library must hold exactly one __HF_CONFIG__ placeholder')
  }
  return assets
}
