import type { Money } from './money'

/** The cheapest and the dearest of a product's variants. */
export interface PriceRange {
  low: Money
  high: Money
}

/**
 * What a product costs before a variant is chosen, when its variants cost different amounts (sizes priced apart);
 * null when they all cost the same, or there are none: the product's own price says it then. Amounts are compared
 * in minor units, all in the product's one currency.
 */
export function variantPriceRange(variants: ReadonlyArray<{ price: Money }>): PriceRange | null {
  let low: Money | null = null
  let high: Money | null = null
  for (const { price } of variants) {
    if (!low || price.amount < low.amount) low = price
    if (!high || price.amount > high.amount) high = price
  }
  return low && high && low.amount !== high.amount ? { low, high } : null
}
