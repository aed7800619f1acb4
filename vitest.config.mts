import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Which project a test file belongs to is decided by where it lives or by its suffix:
//   test/build/**            → build (runs after `npm run build`, checks the bundles themselves)
//   *.int.test.ts, test/integration/** → integration (real loopback HTTP, the real keychain)
//   test/conformance/**      → conformance (Payroc's spec as the oracle; run by scripts/conformance.mjs,
//                              which skips — visibly, never as passed — where ../shared/payroc is absent)
//   every other *.test.ts    → unit
const BUILD = ['test/build/**/*.test.ts']
const CONFORMANCE = ['test/conformance/**/*.test.ts']
const INTEGRATION = ['test/integration/**/*.test.ts', 'test/**/*.int.test.ts', 'src/**/*.int.test.ts']

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // The renderer's path aliases (tsconfig.web.json's paths, electron.vite.config.ts's renderer alias).
          alias: {
            '@renderer/': fileURLToPath(new URL('./src/renderer/src/', import.meta.url)),
            '@shared/': fileURLToPath(new URL('./src/shared/', import.meta.url)),
          },
          include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: [...BUILD, ...INTEGRATION, ...CONFORMANCE, '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: { name: 'build', include: BUILD, environment: 'node' },
      },
      {
        test: {
          name: 'integration',
          include: INTEGRATION,
          exclude: [...CONFORMANCE, '**/node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Suites share one Secret Service; keep them in one worker so keychain writes never interleave.
          fileParallelism: false,
        },
      },
      {
        // Real loopback HTTP against the sandbox, like integration; its own step so a skip is reported as one.
        test: {
          name: 'conformance',
          include: CONFORMANCE,
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
})
