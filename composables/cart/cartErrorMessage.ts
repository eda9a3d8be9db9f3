import type { ApiErrorData } from '~/composables/core/api/ApiError'
import { MAX_LINE_QUANTITY, MIN_LINE_QUANTITY } from '~/services/domain/cartLine'

/**
 * The sentence a shopper reads when adding to the cart or changing a line fails (an ApiError, or its toJSON()
 * kept in state). Decided by HTTP status and the body's facts, never by `code`: a DRF serializer answers 400
 * `{"quantity": [...]}` for 0 or more than 99 before any stock check, and 409 means not enough stock, with
 * `available` counting against the whole line (what is in the cart plus what was added).
 */
export function cartErrorMessage(error: ApiErrorData): string {
  const { status, fieldErrors } = error
  const available = error.extras?.available
  if (status === 409 && typeof available === 'number') {
    return available > 0 ? `Only ${available} left in stock, so your cart can hold at most ${available}.` : 'Sorry, this item is sold out.'
  }
  if (status === 400 && fieldErrors.quantity) return `Please choose a quantity from ${MIN_LINE_QUANTITY} to ${MAX_LINE_QUANTITY}.`
  if (status === 400 && fieldErrors.variant_id) return 'That option is no longer available. Please choose another one.'
  if (status === 400 && fieldErrors.product_id) return 'This product is no longer available.'
  if (status === 404) return 'That item is no longer in your cart.'
  return error.message
}
