import { useStore } from '@renderer/store-context'
import { earlierLabel } from '@shared/attempt-verdict'
import { verdictOf } from './attempt'

/**
 * The attempt's one verdict, in one sentence with its hint: the API call and the card form together, so a
 * created session whose form failed never reads as a success. Polite live region; the detail stays in the
 * error panel (the one alert), the token card and the Event log.
 */
export function OutcomeRegion() {
  const attempt = useStore((s) => s.session.attempt)
  const verdict = verdictOf(attempt)
  // The attempt of another environment or profile is only labelled as earlier, never shown as current.
  const elsewhere = useStore(
    (s) =>
      s.session.attempt !== null &&
      (s.session.attempt.environmentId !== s.environment.environmentId ||
        s.session.attempt.profile !== s.environment.profile),
  )
  return (
    <section
      className="card outcome"
      role="region"
      aria-label="Outcome"
      aria-live="polite"
      data-tone={verdict && !elsewhere ? verdict.tone : 'none'}
    >
      {verdict && elsewhere ? (
        <p className="stale-note">
          <strong>{earlierLabel(verdict.label)}</strong>: {verdict.sentence} Nothing has been tried here yet.
        </p>
      ) : verdict ? (
        <>
          <p className="outcome-sentence">
            <span className="outcome-label">{verdict.label}</span> {verdict.sentence}
          </p>
          {verdict.hint && <p className="outcome-hint">{verdict.hint}</p>}
        </>
      ) : (
        <p className="empty">No attempt yet: create a session and how it went is said here.</p>
      )}
    </section>
  )
}
