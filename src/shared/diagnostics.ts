/**
 * The diagnosis schemas (history, support bundle, preflight, batch terminal check, the inspector's cURL) under
 * their former module path; each now lives in its namespace's file in contract/.
 */
export { JournalCurl, JournalCurlRequest } from './contract/journal'
export * from './contract/history'
export * from './contract/bundle'
export * from './contract/preflight'
export * from './contract/batch'
export { ClearedData } from './contract/app'
export { CsvExport } from './contract/common'
