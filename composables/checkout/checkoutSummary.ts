import type { Cart, CartLine } from '~/services/domain/cart'
import type { Money } from '~/services/domain/money'
import type { ShippingMethod } from '~/services/domain/shipping'

/** The order summary the checkout shows beside every step. */
export interface CheckoutSummary {
  lines: readonly CartLine[]
  itemCount: number
  /** A line the backend cannot supply in its quantity (sold out, or more than in stock): the order would be refused. */
  unavailable: boolean
  /** The backend's subtotal of the cart. */
  subtotal: Money
  /** The chosen method's price; null until one is chosen. */
  shipping: Money | null
  shippingName: string | null
  /** subtotal + shipping, both as the backend priced them; null until shipping is chosen (or if currencies differ). */
  total: Money | null
}

/**
 * Nothing is computed here but the one sum the backend leaves to the client before the order exists: its cart
 * subtotal plus its shipping price, in integer minor units. Taxes and discounts, when a backend has them, come in
 * its cart answer; the order's own totals replace all this once it is placed.
 */
export function checkoutSummary(cart: Cart, method: ShippingMethod | null): CheckoutSummary {
  const shipping = method?.price ?? null
  const total = shipping && shipping.currency === cart.subtotal.currency
    ? { amount: cart.subtotal.amount + shipping.amount, currency: cart.subtotal.currency }
    : null
  return { lines: cart.lines, itemCount: cart.itemCount, unavailable: cart.lines.some(line => !line.inStock), subtotal: cart.subtotal, shipping, shippingName: method?.name ?? null, total }
}
