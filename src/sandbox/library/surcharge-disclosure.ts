/** The disclosure text the sandbox gives with a surcharge (Payroc's own wording is unconfirmed). */
export const SURCHARGE_DISCLOSURE = (percentage: number): string =>
  `A surcharge of ${percentage}% applies to payments with this card; it is not greater than the cost of acceptance.`
