/**
 * Placeholder bars while a lazily loaded panel arrives: the layout does not jump, and assistive technology
 * hears "Loading <what>" once (aria-busy on the container, the bars themselves are decorative).
 */
export function Skeleton({ label, lines = 3 }: { label: string; lines?: number }) {
  return (
    <div className="skeleton" aria-busy="true">
      <span className="sr-only">Loading {label}…</span>
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton-line" aria-hidden="true" />
      ))}
    </div>
  )
}
