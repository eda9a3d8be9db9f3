import { ApiError } from '~/composables/core/api/ApiError'
import { MAX_LINE_QUANTITY, MIN_LINE_QUANTITY } from '~/services/domain/cartLine'

// The cart store's own failures (refused before asking the backend), and how it reads a failure it got.

export function invalidQuantity(): ApiError {
  // The answer DRF gives for the same request (CartItemUpdate), so the shopper reads the same sentence.
  return new ApiError({
    status: 400, code: 'invalid', message: `Please choose a quantity from ${MIN_LINE_QUANTITY} to ${MAX_LINE_QUANTITY}.`,
    fieldErrors: { quantity: [`Ensure this value is less than or equal to ${MAX_LINE_QUANTITY}.`] }, retryable: false,
  })
}

export function lineGone(): ApiError {
  return new ApiError({ status: 404, code: 'not_found', message: 'That item is no longer in your cart.', fieldErrors: {}, retryable: false })
}

/**
 * The backend may have made the change anyway: no answer (lost, or too late), a gateway's or server's failure,
 * or a 2xx whose body could not be read (the change was made).
 */
export function mayHaveLanded(failure: unknown): failure is ApiError {
  if (!(failure instanceof ApiError)) return false
  return failure.status >= 500 || ['network_error', 'timeout', 'bad_response'].includes(failure.code)
}

/** A lost answer, and the cart holds the product without saying how many it held before. */
export function unconfirmedAddition(failure: ApiError): ApiError {
  return new ApiError({
    status: failure.status, code: 'unconfirmed', retryable: false, fieldErrors: {}, cause: failure, requestId: failure.requestId,
    message: 'We could not confirm it was added. Check your cart before adding it again.',
  })
}
