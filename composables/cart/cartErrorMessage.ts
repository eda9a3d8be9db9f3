import { isApiError, type ApiErrorData } from '~/composables/core/api/ApiError'
import { MAX_LINE_QUANTITY, MIN_LINE_QUANTITY } from '~/services/domain/cartLine'

const FALLBACK = 'Could not update your cart. Please try again.'

/**
 * The sentence a shopper reads when adding to the cart or changing a line fails. Decided by HTTP status and the
 * body's facts, never by `code`: a DRF serializer answers 400 `{"quantity": [...]}` for 0 or more than 99
 * before any stock check, and 409 (with `available`) means there is not enough stock.
 */
export function cartErrorMessage(error: unknown): string {
  const data: ApiErrorData | null = isApiError(error) ? error.toJSON() : isErrorData(error) ? error : null
  if (!data) return FALLBACK
  if (data.status === 409) return outOfStockMessage(data)
  if (data.status === 400) {
    const fields = data.fieldErrors
    if (fields.quantity?.length) return `Please choose a quantity from ${MIN_LINE_QUANTITY} to ${MAX_LINE_QUANTITY}.`
    if (fields.variant_id?.length) return 'That option is no longer available. Please choose another one.'
    if (fields.product_id?.length) return 'This product is no longer available.'
  }
  if (data.status === 404) return 'That item is no longer in your cart.'
  return data.message || FALLBACK
}

/** `available` counts against the whole line (what is already in the cart plus what was added). */
function outOfStockMessage(data: ApiErrorData): string {
  const available = data.extras?.available
  if (typeof available !== 'number') return data.message || 'There is not enough stock for that quantity.'
  if (available <= 0) return 'Sorry, this item is sold out.'
  return `Only ${available} left in stock, so your cart can hold at most ${available}.`
}

function isErrorData(value: unknown): value is ApiErrorData {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return typeof record.status === 'number' && typeof record.message === 'string' && typeof record.fieldErrors === 'object' && record.fieldErrors !== null
}
