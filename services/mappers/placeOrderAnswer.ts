import type { ApiError, FieldErrors } from '~/composables/core/api/ApiError'
import type { OrderDto } from '../dto'
import type { PlaceOrderAnswer, StockShortfall } from '../domain/order'
import { toOrder } from './order'

// Backends disagree on how they answer a repeated order (docs/checkout.md): the status and what the body carries
// decide here, never the `code`, which DRF's own errors and the idempotency packages do not send.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** An order, as a replaying backend (django-idempotency-key) sends the original 201 body back with its 409. */
export function orderIn(body: unknown): OrderDto | null {
  if (!isRecord(body)) return null
  const looksLikeOrder = typeof body.id === 'number' && typeof body.number === 'string' && Array.isArray(body.items)
    && (typeof body.total === 'string' || typeof body.total === 'number') && typeof body.currency === 'string' && isRecord(body.shipping_address) && isRecord(body.shipping_method)
  return looksLikeOrder ? body as unknown as OrderDto : null
}

/**
 * A whole number as the body has it: a JSON number, or its digits when the backend raised DRF's APIException with a
 * dict detail, which renders every value as a string (and None as "None").
 */
function whole(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  return typeof n === 'number' && Number.isInteger(n) ? n : null
}

function shortfallsIn(body: unknown): StockShortfall[] | null {
  if (!isRecord(body) || !Array.isArray(body.lines)) return null
  const lines: StockShortfall[] = []
  for (const line of body.lines) {
    const productId = isRecord(line) ? whole(line.product_id) : null
    if (!isRecord(line) || productId === null) continue
    lines.push({
      lineId: whole(line.item_id) ?? -1,
      productId,
      variantId: whole(line.variant_id),
      requested: whole(line.requested) ?? 0,
      available: Math.max(0, whole(line.available) ?? 0),
    })
  }
  return lines
}

const MESSAGES = {
  shippingGone: 'The shipping method you chose is no longer offered. Please choose another.',
  declined: 'Your payment was declined. Nothing was charged. Please choose another payment method.',
  outOfStock: 'Some items sold out while you were checking out. Nothing was ordered or charged.',
  keyConflict: 'Your order changed while it was being placed. Please review it and place it again.',
  busy: 'Your order is still being processed.',
} as const

// DRF's PrimaryKeyRelatedField refuses an id its queryset no longer holds (a method the shop retired, or stopped
// offering for this address, while the shopper checked out) in a sentence for developers: 'Invalid pk "2" - object
// does not exist.' (tests/drf-real/fixtures/order-unknown-shipping-method-400.json).
const STOCK_RELATION_ERROR = /^(?:Invalid pk "[^"]*" - object does not exist\.|Incorrect type\. Expected pk value, received \w+\.)$/

/** The field errors as the checkout shows them: DRF's stock sentence on the shipping method said in words. */
function readableFieldErrors(fieldErrors: FieldErrors): FieldErrors {
  const method = fieldErrors.shipping_method_id
  if (!method?.some(message => STOCK_RELATION_ERROR.test(message))) return fieldErrors
  return { ...fieldErrors, shipping_method_id: [MESSAGES.shippingGone] }
}

/** Any failure of POST /orders/ -> what it means for the attempt. A success (201) is mapped by the service. */
export function toPlaceOrderAnswer(error: ApiError): PlaceOrderAnswer {
  const { status, body } = error
  if (status === 409 || (status >= 200 && status < 300)) {
    const order = orderIn(body)
    if (order) return { kind: 'placed', order: toOrder(order), replayed: true }
  }
  // A 2xx we could not read (a proxy's page, a cut body) made an order we cannot see: as good as lost.
  if (status === 0 || (status >= 200 && status < 300) || status === 502 || status === 503 || status === 504) return { kind: 'lost', message: error.message }
  if (status === 402) return { kind: 'declined', message: MESSAGES.declined }
  if (status === 409) {
    const lines = shortfallsIn(body)
    if (lines) return { kind: 'out-of-stock', message: MESSAGES.outOfStock, lines }
    return { kind: 'busy', message: MESSAGES.busy, retryAfterMs: error.retryAfterMs ?? null }
  }
  if (status === 429) return { kind: 'busy', message: error.message, retryAfterMs: error.retryAfterMs ?? null }
  if (status === 422) return { kind: 'key-conflict', message: MESSAGES.keyConflict }
  if (status === 400) {
    return Object.keys(error.fieldErrors).length > 0
      ? { kind: 'invalid', message: error.message, fieldErrors: readableFieldErrors(error.fieldErrors) }
      : { kind: 'rejected', message: error.message }
  }
  if (status === 401 || status === 403) return { kind: 'unauthorized', message: error.message }
  if (status >= 500) return { kind: 'server-error', message: error.message }
  return { kind: 'rejected', message: error.message }
}
