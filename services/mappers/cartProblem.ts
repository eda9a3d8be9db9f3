import type { ApiError } from '~/composables/core/api/ApiError'
import type { CartProblem } from '../domain/cart'

// Derived from the status and the body's fields, never from `code` alone: DRF leaves `code` out of many bodies
// (field errors, a 404), and a backend other than ours may word `detail` differently.

const LESS_THAN_OR_EQUAL = /less than or equal to (\d+)/i
const GREATER_THAN_OR_EQUAL = /greater than or equal to (\d+)/i
const NOT_AN_INTEGER = /valid integer/i

function availableOf(error: ApiError): number | null {
  const value = error.extras.available
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null
}

export function outOfStockMessage(available: number | null): string {
  if (available === null) return 'There is not enough stock for that quantity.'
  return available === 0 ? 'Sorry, this item is out of stock.' : `Only ${available} left.`
}

function quantityProblem(messages: string[]): CartProblem {
  const first = messages[0] ?? ''
  const max = LESS_THAN_OR_EQUAL.exec(first)?.[1]
  if (max) return { kind: 'invalid-quantity', max: Number(max), message: `You can have at most ${max} of one item.` }
  if (GREATER_THAN_OR_EQUAL.test(first)) return { kind: 'invalid-quantity', max: null, message: 'The quantity must be at least 1.' }
  if (NOT_AN_INTEGER.test(first)) return { kind: 'invalid-quantity', max: null, message: 'Enter a whole number.' }
  return { kind: 'invalid-quantity', max: null, message: first || 'That quantity is not possible.' }
}

/** Any failed cart call -> what the shopper is told and what the cart should do about it. */
export function toCartProblem(error: ApiError): CartProblem {
  if (error.status === 409) {
    const available = availableOf(error)
    if (available !== null || error.code === 'out_of_stock') return { kind: 'out-of-stock', available, message: outOfStockMessage(available) }
  }
  if (error.status === 400) {
    const { quantity, variant_id: variant, product_id: product } = error.fieldErrors
    if (quantity?.length) return quantityProblem(quantity)
    if (variant?.length) return { kind: 'unavailable-choice', field: 'variant', message: 'This option is no longer available. Please choose another.' }
    if (product?.length) return { kind: 'unavailable-choice', field: 'product', message: 'This product is no longer available.' }
  }
  if (error.status === 404) return { kind: 'line-gone', message: 'This item is no longer in your cart.' }
  return { kind: 'failed', retryable: error.retryable, message: error.message }
}
