// Re-exports for the lazily loaded validation chunk (see validation.ts).
export { ApiKeyInput, CreateSessionInput } from '@shared/contract'
export { CustomEnvironmentInput, ProfileName } from '@shared/environments'
export { issuesToFields } from '@shared/result'
