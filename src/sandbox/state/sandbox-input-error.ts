import type { ProblemError } from '../../shared/payroc'

/** Thrown by state operations with input the gateway answers with 400 (errors[] names the parameters). */
export class SandboxInputError extends Error {
  constructor(readonly errors: ProblemError[]) {
    super(
      errors.map((error) => `${error.parameter ?? ''}: ${error.detail ?? error.message ?? ''}`).join('; '),
    )
    this.name = 'SandboxInputError'
  }
}
