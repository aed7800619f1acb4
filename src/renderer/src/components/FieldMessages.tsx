/** Inline messages under a form field; the input points at them with aria-describedby. */
export function FieldMessages({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  if (!messages || messages.length === 0) return null
  return (
    <ul className="field-error" id={id}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  )
}

export const describedBy = (id: string, messages: readonly string[] | undefined): string | undefined =>
  messages && messages.length > 0 ? id : undefined
