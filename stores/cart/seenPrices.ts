import type { Cart, CartLine } from '~/services/domain/cart'
import type { Money } from '~/services/domain/money'
import { readLocalRecord, writeLocalRecord } from '~/utils/storage/localRecord'

// The backend answers today's unit price only. To tell the shopper that a price changed since they put the item
// in the cart, this browser remembers the unit price of each line when it first saw it (when it was added here,
// or when a merged or other-device line first showed up). Per browser, in localStorage: nothing leaves the
// device, other tabs see the same memory, it only ever holds the lines of the current cart (pruned with every
// answer), and it is wiped at sign-out with the cart itself.

export const SEEN_PRICES_KEY = 'sf-cart-seen-prices'

/** Product (and variant) -> the unit price this browser first showed for it. */
export type SeenPrices = Record<string, Money>

export function seenPriceKey(line: Pick<CartLine, 'productId' | 'variantId'>): string {
  return `${line.productId}:${line.variantId ?? ''}`
}

function isMoney(value: unknown): value is Money {
  if (typeof value !== 'object' || value === null) return false
  const { amount, currency } = value as Record<string, unknown>
  return typeof amount === 'number' && Number.isInteger(amount) && typeof currency === 'string'
}

// Storage can be disabled (privacy settings): price changes are then noticed within this page only.
export function readSeenPrices(): SeenPrices {
  return readLocalRecord(SEEN_PRICES_KEY, isMoney) ?? {}
}

export function writeSeenPrices(prices: SeenPrices): void {
  writeLocalRecord(SEEN_PRICES_KEY, prices)
}

/** The memory after an answer: new lines remembered at today's price, lines no longer in the cart forgotten. */
export function rememberPrices(previous: SeenPrices, cart: Cart): SeenPrices {
  const next: SeenPrices = {}
  for (const line of cart.lines) {
    const key = seenPriceKey(line)
    next[key] = previous[key] ?? { ...line.unitPrice }
  }
  return next
}

/** The price the shopper saw before, when today's differs from it (same currency only: a switch is not a change). */
export function previousPriceOf(prices: SeenPrices, line: CartLine): Money | null {
  const seen = prices[seenPriceKey(line)]
  if (!seen || seen.currency !== line.unitPrice.currency || seen.amount === line.unitPrice.amount) return null
  return seen
}
