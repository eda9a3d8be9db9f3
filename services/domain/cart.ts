import type { Money } from './money'
import type { ProductImage } from './product'

/** One line of the cart, priced by the backend. Serializable: it travels in the SSR payload. */
export interface CartLine {
  id: number
  productId: number
  /** The chosen variant; null for a product without variants. */
  variantId: number | null
  slug: string
  title: string
  /** The variant's options, e.g. { colour: 'Navy', size: 'M' }; empty without variants. */
  options: Record<string, string>
  image: ProductImage
  /** Today's price of one unit. */
  unitPrice: Money
  /** unitPrice x quantity, as the backend computed it. */
  lineTotal: Money
  quantity: number
  /** Units available now. */
  available: number
  /** False when the line asks for more than is available: checkout will refuse it until it changes. */
  inStock: boolean
}

/** The whole cart as the backend computed it: the client never adds up totals itself. */
export interface Cart {
  lines: CartLine[]
  /** Sum of the lines' quantities (what the header badge shows). */
  itemCount: number
  subtotal: Money
  currency: string
  /**
   * Signed in, and the guest cart this browser had before could not be merged yet (the backend failed at sign-in).
   * It is kept, and every cart call through the BFF tries again; the lines here do not include it yet.
   */
  mergePending: boolean
}

/** Adding a product; the backend adds to an existing line of the same product and variant. */
export interface CartAddition {
  productId: number
  /** Required for a product with variants (the backend would otherwise pick the first in stock). */
  variantId?: number | null
  /** 1 to 99; 1 when left out. */
  quantity?: number
}

/** Most units of one line the backend accepts in one request (CartItemCreate / CartItemUpdate maximum). */
export const MAX_LINE_QUANTITY = 99

/**
 * Why the backend refused a cart change, in terms the shopper can act on. `message` is a sentence to show.
 * - out-of-stock: 409; `available` is how many the line can have now (0: sold out; null: the backend did not say).
 * - invalid-quantity: 400 on `quantity` (below 1, above the maximum, not a whole number); `max` when known.
 * - unavailable-choice: 400 on `variant_id` or `product_id`: the product or option no longer exists.
 * - line-gone: 404 on a line: it is not in the cart any more (removed in another tab, cart expired).
 * - failed: anything else (network, 5xx, ...): nothing changed at the backend that we know of; `retryable` says
 *   whether trying again may work.
 */
export type CartProblem =
  | { kind: 'out-of-stock', available: number | null, message: string }
  | { kind: 'invalid-quantity', max: number | null, message: string }
  | { kind: 'unavailable-choice', field: 'variant' | 'product', message: string }
  | { kind: 'line-gone', message: string }
  | { kind: 'failed', retryable: boolean, message: string }
