/** Money in integer minor units (cents), never floating point. */
export interface Money {
  amount: number
  currency: string
}
