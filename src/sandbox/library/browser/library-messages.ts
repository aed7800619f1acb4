/**
 * The texts the simulated library emits, the same bytes as Payroc's library build 1.7.0.261457 (facts from
 * /work/notes/payroc-protocol.md §1.3, §1.4, §2.5, §4, §5.1; the `config`/`init`/`field`/`submission` texts are
 * English in every locale). `undefined` where that build looks up a text it does not have.
 */

export const CONFIG_MESSAGES = {
  mode: "The mode should be either 'payment' or 'tokenization'.",
  sessionTokenMissing: 'A session token is required to use hosted fields.',
  /** A sessionToken that is not a string, or only whitespace: the build has no text for it. */
  sessionTokenIncorrect: undefined,
  fieldsMissing: 'Card, ACH or PAD fields are required for hosted fields.',
  multipleFieldTypes: 'Only one of Card, ACH or PAD fields should be supplied for hosted fields.',
  /** An empty `styles` object: the build has no text for it. */
  emptyStyles: undefined,
  onPreSubmit: 'onPreSubmit function must return a boolean or a Promise',
  cvvWrapperMissing:
    'CVV wrapper is required for card forms. If you do not have a wrapper, please provide false.',
  cvvWrapperInvalid:
    'The target selector supplied for CVV wrapper either occurs more than once or does not exist on the page.',
} as const

/** A required field that is missing from `fields.<type>`, by field key. */
export const MISSING_FIELD: Record<string, string> = {
  cardNumber: 'A card number field is required for card forms.',
  cardholderName: 'A card holder name field is required for card forms.',
  expiryDate: 'A card expiry field is required for card forms.',
  cvv: 'A card CVV field is required for card forms.',
  submit: 'A submit button is required for payment forms.',
  padAccountNumber: 'An account number field is required for PAD forms.',
  nameOnAccount: 'An account holder field is required for PAD and ACH forms.',
  institutionNumber: 'An institution number field is required for PAD forms.',
  transitNumber: 'A transit number field is required for PAD forms.',
  achAccountNumber: 'An account number field is required for ACH forms.',
  routingNumber: 'A routing number field is required for ACH forms.',
  accountType: 'An account type field is required for ACH forms.',
}

/**
 * How the target-selector texts name a field, per form type. Fields left out (card expiryDate and submit, every
 * ACH field, PAD submit) get `undefined`: the build looks their texts up under keys it does not have.
 */
const SELECTOR_NAMES: Record<string, Record<string, string>> = {
  card: { cardNumber: 'card number', cardholderName: 'cardholder name', cvv: 'card CVV' },
  pad: {
    padAccountNumber: 'account number',
    nameOnAccount: 'account holder',
    institutionNumber: 'institution number',
    transitNumber: 'transit number',
  },
  ach: {},
}

const SELECTOR_TAIL = ' either occurs more than once or does not exist on the page.'

export function targetMessage(type: string, field: string): string | undefined {
  const name = SELECTOR_NAMES[type]?.[field]
  return name === undefined ? undefined : `The target selector supplied for ${name}${SELECTOR_TAIL}`
}

export function errorTargetMessage(type: string, field: string): string | undefined {
  const name = SELECTOR_NAMES[type]?.[field]
  return name === undefined
    ? undefined
    : `The error container target selector supplied for ${name}${SELECTOR_TAIL}`
}

export const INIT_MESSAGES = {
  invalidConfiguration: 'Terminal configuration request response is invalid.',
  configurationRetries:
    'The maximum number of retries to fetch the terminal configuration has been reached, please check your credentials.',
  bankTransfer: 'You have passed PAD or ACH fields but the terminal is not setup to allow bank transfers.',
  ach: 'You have passed ACH fields but the terminal is not setup to allow ACH.',
  pad: 'You have passed PAD fields but the terminal is not setup to allow PAD.',
  secureTokens: "The mode is set to 'tokenization' but this terminal is not setup to allow secure tokens.",
} as const

/** The final answers of the shared fetch helper (§1.3). */
export const GATEWAY_MESSAGES = {
  unauthorised: 'The request is unauthorised, please check your credentials.',
  capability: 'The terminal does not support the capability you are trying to use.',
  invalidSessionToken: 'The provided session token is invalid.',
} as const

export const SUBMISSION_MESSAGES = {
  invalidResponse: 'Invalid response from the payment gateway when submitting details',
  /** Retries exhausted: the build looks up a text it does not have, so the message is empty. */
  retries: '',
} as const

export const FIELD_MESSAGES = {
  embedRetries: 'The maximum number of retries to embed this field has been reached.',
} as const
