import type { ApiErrorData } from '~/composables/core/api/ApiError'
import type { CartProblem } from '../domain/cart'
import { MAX_LINE_QUANTITY, MIN_LINE_QUANTITY } from '../domain/cartLine'

// Derived from the status and the body's fields, never from `code` alone: DRF leaves `code` out of many bodies
// (field errors, a 404), and a backend other than ours may word `detail` differently. Takes an ApiError or the
// plain data a store keeps (ApiError.toJSON()), so a message can be worked out again from state.

const LESS_THAN_OR_EQUAL = /less than or equal to (\d+)/i

function availableOf(error: ApiErrorData): number | null {
  const raw = error.extras?.available
  // DRF renders every value of an APIException's dict detail as a string: {"available": "3"}.
  const value = typeof raw === 'string' && raw ? Number(raw) : raw
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null
}

export function outOfStockMessage(available: number | null): string {
  if (available === null) return 'There is not enough stock for that quantity.'
  return available === 0 ? 'Sorry, this item is sold out.' : `Only ${available} left in stock, so your cart can hold at most ${available}.`
}

/** DRF validates 1..99 before any stock check: 0, 100 or "abc" is a 400 on `quantity`, whatever the stock. */
function quantityProblem(messages: string[]): CartProblem {
  const max = LESS_THAN_OR_EQUAL.exec(messages[0] ?? '')?.[1]
  return { kind: 'invalid-quantity', max: max ? Number(max) : null, message: `Please choose a quantity from ${MIN_LINE_QUANTITY} to ${max ?? MAX_LINE_QUANTITY}.` }
}

/** Any failed cart call -> what the shopper is told and what the cart should do about it. */
export function toCartProblem(error: ApiErrorData): CartProblem {
  if (error.status === 409) {
    const available = availableOf(error)
    if (available !== null || error.code === 'out_of_stock') return { kind: 'out-of-stock', available, message: outOfStockMessage(available) }
  }
  if (error.status === 400) {
    const { quantity, variant_id: variant, product_id: product } = error.fieldErrors
    if (quantity?.length) return quantityProblem(quantity)
    if (variant?.length) return { kind: 'unavailable-choice', field: 'variant', message: 'That option is no longer available. Please choose another one.' }
    if (product?.length) return { kind: 'unavailable-choice', field: 'product', message: 'This product is no longer available.' }
  }
  if (error.status === 404) return { kind: 'line-gone', message: 'That item is no longer in your cart.' }
  return { kind: 'failed', retryable: error.retryable, message: error.message }
}
