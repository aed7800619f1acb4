/**
 * The Hosted Fields library's error messages (Payroc's UAT build and the sandbox's simulated library, PAYROC.md)
 * as short plain-language reasons with the fix, for the Outcome region, toasts and History. The library's words
 * differ a little between the real script and the sandbox, so each rule matches both loosely.
 */

export interface LibraryReason {
  /** Lower-case clause that completes "…the card form failed: <reason>". */
  reason: string
  hint: string
}

const FIELD_NAMES: Record<string, string> = {
  'card number': 'Card number',
  'cardholder name': 'Cardholder name',
  'card expiry': 'Expiry date',
  'card cvv': 'CVV',
  'cvv wrapper': 'CVV wrapper',
  'submit button': 'Submit button',
}

const RULES: { test: RegExp; reason: (match: RegExpExecArray) => string; hint: string }[] = [
  {
    // Real: "The mode is set to 'tokenization' but this terminal is not setup to allow secure tokens."
    // Sandbox: "Secure tokens are not enabled for processing terminal 1234002, so …"
    test: /not set ?up to allow secure tokens|secure tokens are not enabled/i,
    reason: () => 'this terminal is not set up for secure tokens',
    hint: 'Use the Payment scenario for this terminal, or ask Payroc to enable secure tokens on it.',
  },
  {
    test: /not set ?up to allow (ACH|PAD)|(ACH|PAD) (is )?not (enabled|allowed)/i,
    reason: (m) => `this terminal is not set up for ${(m[1] ?? m[2] ?? 'bank transfers').toUpperCase()}`,
    hint: 'Use the card form for this terminal, or ask Payroc to enable that bank transfer type.',
  },
  {
    test: /mode must be set to 'tokenization' to use secure tokens/i,
    reason: () => 'a Secure token ID needs the Tokenization scenario',
    hint: 'Choose Tokenization to update saved details, or clear Secure token ID for a payment.',
  },
  {
    test: /already been used|another (Hosted Fields )?instance/i,
    reason: () => 'this session token was already used by another card form',
    hint: 'Create a new session: a session token serves one card form (one Hosted Fields instance).',
  },
  {
    test: /(session token|session) (has )?expired|has expired/i,
    reason: () => 'the session expired (sessions last 10 minutes)',
    hint: 'Create a new session.',
  },
  {
    test: /session token is invalid|session token is required|hostedFieldsSessionId.*invalid/i,
    reason: () => 'the card form was given no valid session token',
    hint: 'Create a new session in the same environment as the library script.',
  },
  {
    test: /Invalid libVersion/i,
    reason: () => "the library version does not match the session's",
    hint: 'Create the session with the Library version the page loads (UAT and production differ).',
  },
  {
    test: /retries to fetch the terminal configuration/i,
    reason: () => "the gateway did not give the card form this terminal's configuration",
    hint: 'Create a new session in the same environment as the script; if it persists, check the network or proxy.',
  },
  {
    test: /unauthori[sz]ed|check your credentials/i,
    reason: () => 'the gateway refused the session token (unauthorised)',
    hint: 'Create a new session in the same environment as the script: a UAT token does not work with the production script.',
  },
  {
    test: /retries to embed this field/i,
    reason: () => 'a card field could not be loaded from the gateway',
    hint: 'Check the network, proxy and the page’s CSP frame-src for the gateway host, then create a new session.',
  },
  {
    test: /retries to submit this field|Invalid response from the payment gateway when submitting/i,
    reason: () => 'the card details could not be sent to the gateway',
    hint: 'Try again; if the session expired, create a new one.',
  },
  {
    test: /mode '(\w+)' does not match the session's scenario/i,
    reason: () => "the form's mode does not match the session's scenario",
    hint: 'Create the session with the scenario the form uses (Payment or Tokenization).',
  },
  {
    test: /CVV wrapper is required/i,
    reason: () => 'the page gives no CVV wrapper',
    hint: 'Set cvv.wrapperTarget to a selector, or to false when there is no wrapper.',
  },
  {
    test: /target selector supplied for ([a-z ]+?) either occurs more than once or does not exist/i,
    reason: (m) => {
      const name = FIELD_NAMES[(m[1] ?? '').toLowerCase()] ?? m[1] ?? 'a field'
      return `the page has no single element for the ${name} field`
    },
    hint: 'Every target selector must match exactly one element on the page.',
  },
  {
    test: /Payroc is not defined|script (did not|not) load/i,
    reason: () => 'the library script did not load',
    hint: 'Check that this Library version exists on the environment’s CDN, the SRI value, the network and the CSP.',
  },
]

/** The reason for a library error message; unknown messages are quoted as the library gave them. */
export function libraryReason(message: string): LibraryReason {
  for (const rule of RULES) {
    const match = rule.test.exec(message)
    if (match) return { reason: rule.reason(match), hint: rule.hint }
  }
  const trimmed = message.trim().replace(/\.+$/, '')
  return {
    reason: trimmed ? `the library said “${trimmed}”` : 'the library reported an error without a message',
    hint: 'Open the Event log for the library’s events; create a new session to try again.',
  }
}
