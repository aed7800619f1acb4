// The exit code by which an `npm test` step says "skipped" (the automake convention): scripts/test.mjs reports
// it as SKIPPED, never as passed. Used by scripts/conformance.mjs.
export const SKIPPED_EXIT = 77
