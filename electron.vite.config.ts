import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import * as esbuild from 'esbuild'
import { buildLibraryAssets } from './src/sandbox/library/build-library-assets'

export default defineConfig({
  main: {
    // The embedded sandbox's simulated library, built from its browser sources into the bundle (the packaged app
    // has no esbuild; under tsx and vitest the sandbox builds them itself, see src/sandbox/README.md).
    define: {
      __SANDBOX_LIBRARY_ASSETS__: JSON.stringify(
        buildLibraryAssets(esbuild, resolve(__dirname, 'src/sandbox/library/browser')),
      ),
      // The sandbox's sample merchant pages (plain HTML/JS files read at start under tsx and vitest).
      __MERCHANT_PAGE_FILES__: JSON.stringify(
        Object.fromEntries(
          readdirSync(resolve(__dirname, 'src/sandbox/merchant-pages/pages')).map((file) => [
            file,
            readFileSync(resolve(__dirname, 'src/sandbox/merchant-pages/pages', file), 'utf8'),
          ]),
        ),
      ),
    },
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    // The same aliases as tsconfig.web.json's paths.
    resolve: {
      alias: {
        '@renderer': resolve(__dirname, 'src/renderer/src'),
        '@shared': resolve(__dirname, 'src/shared'),
      },
    },
    plugins: [react()],
    build: {
      // Source maps stay out of the shipped bundle; the size budget counts what a user downloads.
      sourcemap: false,
      // electron-vite leaves the renderer unminified by default; the initial-JS budget counts minified bytes.
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          testpage: resolve(__dirname, 'src/renderer/testpage.html'),
        },
      },
    },
  },
})
