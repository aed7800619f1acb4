/**
 * Channel names only, free of zod so the preload bundle stays tiny. `contract.ts` checks at compile time
 * that this list and the contract's keys are the same set.
 */
export const CHANNELS = [
  'app:info',
  'environment:list',
  'environment:select',
  'environment:saveCustom',
  'environment:deleteCustom',
  'vault:status',
  'vault:setKey',
  'vault:deleteKey',
  'vault:test',
  'session:create',
  'journal:get',
  'journal:list',
  'journal:curl',
  'history:list',
  'history:rerun',
  'history:exportCsv',
  'history:clear',
  'bundle:export',
  'preflight:run',
  'batch:start',
  'batch:cancel',
  'batch:get',
  'batch:exportCsv',
  'app:clearAllData',
  'secureToken:save',
  'secureToken:update',
  'merchantPage:check',
  'history:recordLibrary',
  'sandbox:expireSession',
  'sandbox:forceNext',
  'payment:run',
  'payment:capture',
  'payment:reverse',
  'payment:refund',
  'bankTransfer:run',
  'bankTransfer:reverse',
  'bankTransfer:refund',
  'secureToken:list',
  'secureToken:get',
  'secureToken:delete',
  'secureToken:patch',
  'card:binLookup',
  'singleUseToken:create',
] as const
export type Channel = (typeof CHANNELS)[number]

/** Push events from main to the renderer (webContents.send / server-sent events). */
export const EVENT_CHANNEL = 'console:event'
