/** Sample merchant checkout pages for the page check's tests and demos (see catalog.ts for what each shows). */
export {
  SAMPLE_PAGES,
  samplePage,
  PRODUCTION_BUILD,
  UAT_BUILD,
  type SamplePage,
  type TokenKind,
} from './catalog'
export { startMerchantPages, type MerchantPages, type MerchantPagesOptions } from './server'
export { sandboxTokenMinter, type MintToken, type TokenRequest } from './tokens'
