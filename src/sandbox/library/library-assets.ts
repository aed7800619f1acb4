/**
 * The simulated library's built scripts, built once per process and kept in memory. In the Electron app's main
 * bundle they are built by electron-vite (its config defines `__SANDBOX_LIBRARY_ASSETS__`, so the packaged app
 * needs no esbuild); under tsx and vitest they are built here from browser/*.ts at first use with the esbuild
 * that tsx and vite bring along.
 */
import { createRequire } from 'node:module'
import { join } from 'node:path'
import {
  BROWSER_SOURCE_DIR,
  buildLibraryAssets,
  type EsbuildLike,
  type LibraryAssets,
} from './build-library-assets'

declare const __SANDBOX_LIBRARY_ASSETS__: LibraryAssets | undefined

let cached: LibraryAssets | undefined

export function libraryAssets(): LibraryAssets {
  if (cached) return cached
  if (typeof __SANDBOX_LIBRARY_ASSETS__ !== 'undefined') {
    cached = __SANDBOX_LIBRARY_ASSETS__
  } else {
    // Loaded by name at run time (not imported) so that no bundler pulls esbuild into a bundle.
    const esbuild = createRequire(__filename)('esbuild') as EsbuildLike
    cached = buildLibraryAssets(esbuild, join(__dirname, BROWSER_SOURCE_DIR))
  }
  return cached
}

/** The served library script for one libVersion on one sandbox origin. */
export function librarySource(libVersion: string, origin: string): string {
  // JSON inside a script: escape '<' so the config can never close a surrounding tag.
  const config = JSON.stringify({ libVersion, origin }).replace(/</g, '\\u003c')
  return libraryAssets().library.replace('__HF_CONFIG__', () => config)
}
