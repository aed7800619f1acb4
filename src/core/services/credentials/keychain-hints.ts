/**
 * One message and one hint per keychain failure, naming the fix that works. keytar's errors carry no code, so
 * they are matched on the messages TOOLCHAIN.md lists. The old advice "run under dbus-run-session" alone led to a
 * second error (a bus, but no Secret Service on it): every hint here starts a keyring inside the bus, as
 * scripts/with-keyring.sh does, or offers the session-only fallback.
 */

export interface KeychainProblem {
  /** What is wrong, in plain words (the raw keytar text is kept apart, for the log). */
  message: string
  /** The one fix that works. */
  hint: string
}

/** What starts a D-Bus session with an unlocked keyring around the app (scripts/with-keyring.sh does the same). */
export const KEYRING_COMMAND =
  "dbus-run-session -- sh -c 'printf %s <password> | gnome-keyring-daemon --unlock --components=secrets >/dev/null && npm run web'"
const FALLBACK = 'or choose "Keep keys for this session only"'

const PROBLEMS: { test: RegExp; problem: KeychainProblem }[] = [
  {
    test: /autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Could not connect|given address is empty/i,
    problem: {
      message: 'No D-Bus session bus is reachable, so the OS keychain cannot be used.',
      hint: `Start the app with a bus and an unlocked keyring: \`${KEYRING_COMMAND}\` (from a checkout: \`bash scripts/with-keyring.sh npm run web\`), ${FALLBACK}.`,
    },
  },
  {
    test: /org\.freedesktop\.secrets/i,
    problem: {
      message: 'A D-Bus session is running, but no keyring (Secret Service) is on it.',
      hint: `Start a keyring on that bus: \`printf %s <password> | gnome-keyring-daemon --unlock --components=secrets\` (install gnome-keyring if it is missing), ${FALLBACK}.`,
    },
  },
  {
    test: /collection\/login|Object does not exist at path/i,
    problem: {
      message: 'The keyring has no unlocked "login" collection.',
      hint: `Create and unlock it: \`printf %s <password> | gnome-keyring-daemon --unlock --components=secrets\` (\`--start\` does not create one), ${FALLBACK}.`,
    },
  },
  {
    test: /locked collection/i,
    problem: {
      message: 'The keyring is locked.',
      hint: `Unlock the login keyring (Passwords and Keys, or \`printf %s <password> | gnome-keyring-daemon --unlock\`), ${FALLBACK}.`,
    },
  },
  {
    test: /did not answer within/i,
    problem: {
      message: 'The keychain did not answer.',
      hint: 'Answer the keyring’s unlock prompt if one is waiting, then try again.',
    },
  },
  {
    test: /Cannot find module|Cannot load the keytar|NODE_MODULE_VERSION|dlopen|\.node\b/i,
    problem: {
      message: 'The keychain module (keytar) could not be loaded.',
      hint: `Reinstall with \`npm ci\` (keytar compiles against libsecret-1-dev; never --ignore-scripts), ${FALLBACK}.`,
    },
  },
]

/** The problem for a raw keytar / keychain error message. */
export function keychainProblem(raw: string): KeychainProblem {
  const found = PROBLEMS.find((candidate) => candidate.test.test(raw))
  if (found) return found.problem
  return {
    message: 'The OS keychain failed.',
    hint: `Check that a keyring is running and unlocked, ${FALLBACK}.`,
  }
}

/**
 * One message per failure: the same problem reported by several calls (status, list, read at start-up) is
 * shown once. Returns the distinct problems in first-seen order.
 */
export function distinctProblems(problems: readonly KeychainProblem[]): KeychainProblem[] {
  const seen = new Set<string>()
  return problems.filter((problem) => {
    const key = `${problem.message}\u0000${problem.hint}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
