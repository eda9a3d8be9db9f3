import type { Address } from './address'
import type { Money } from './money'

/**
 * The order's state as the backend names it. The contract knows `paid`; a real backend adds its own (`pending`,
 * `shipped`, ...), so any string is kept and the screens say what they know about it.
 */
export type OrderStatus = string

export interface OrderLine {
  productId: number
  variantId: number | null
  title: string
  sku: string
  quantity: number
  unitPrice: Money
  lineTotal: Money
}

/** An order as the backend recorded it: totals are the backend's, never recomputed. Serializable (SSR payload). */
export interface Order {
  id: number
  /** What the shopper quotes ("DEMO-100042"). */
  number: string
  status: OrderStatus
  lines: OrderLine[]
  /** Sum of the lines' quantities. */
  itemCount: number
  subtotal: Money
  shippingTotal: Money
  total: Money
  currency: string
  /**
   * The address the checkout asks for and sends as `shipping_address`: where a delivery goes; for a pickup
   * (`shippingMethod.pickup`), the shopper's own address on the order, where nothing is sent.
   */
  address: Address
  shippingMethod: { id: number, name: string, price: Money, pickup: boolean }
  /** ISO 8601 timestamp. */
  createdAt: string
}

/** What placing an order sends: the backend orders the shopper's cart as it is at that moment. */
export interface OrderRequest {
  address: Address
  shippingMethodId: number
  /** A payment provider's token; never card data. */
  paymentToken: string
}

/** A line the backend could not reserve when the order was placed. */
export interface StockShortfall {
  /** The cart line's id. */
  lineId: number
  productId: number
  variantId: number | null
  requested: number
  available: number
}

/**
 * Every answer to placing an order, decided on the HTTP status and facts in the body (never a `code`, which DRF's
 * own errors do not carry):
 * - placed: 201 (new, or replayed with `Idempotent-Replayed`), or a 409 that carries the order (a replay by
 *   django-idempotency-key);
 * - declined: 402, the payment was refused;
 * - out-of-stock: 409 with `lines`;
 * - invalid: 400 with field errors (`shipping_address.city`, `payment_token`, ...);
 * - rejected: another 400 (an empty cart, a missing key): nothing was ordered;
 * - key-conflict: 422 (the IETF draft: this key was used with another body);
 * - busy: a 409 with neither lines nor an order (the IETF draft: the first request with this key is still
 *   running; the demo: the key was used with another body), or a 429;
 * - lost: no answer (network, timeout) or a gateway's 502/503/504: the order may or may not exist;
 * - server-error: the backend failed (500); it may have stored that answer for the key (Stripe does);
 * - unauthorized: 401/403 after the core's refresh: the shopper must sign in again.
 */
export type PlaceOrderAnswer =
  | { kind: 'placed', order: Order, replayed: boolean }
  | { kind: 'declined', message: string }
  | { kind: 'out-of-stock', message: string, lines: StockShortfall[] }
  | { kind: 'invalid', message: string, fieldErrors: Record<string, string[]> }
  | { kind: 'rejected', message: string }
  | { kind: 'key-conflict', message: string }
  | { kind: 'busy', message: string, retryAfterMs: number | null }
  | { kind: 'lost', message: string }
  | { kind: 'server-error', message: string }
  | { kind: 'unauthorized', message: string }
