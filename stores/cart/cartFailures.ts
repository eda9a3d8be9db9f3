import { ApiError, isApiError } from '~/composables/core/api/ApiError'
import type { Cart } from '~/services/domain/cart'
import { MAX_LINE_QUANTITY, MIN_LINE_QUANTITY } from '~/services/domain/cartLine'
import type { PurchaseLine } from '~/services/domain/product'
import { landedOn } from './cartView'

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
  // The BFF's breaker answers 503 `circuit_open` without calling the backend (server/utils/backend/breakerGate.ts).
  if (failure.code === 'circuit_open') return false
  return failure.status >= 500 || ['network_error', 'timeout', 'bad_response'].includes(failure.code)
}

/** The browser says it is offline: a request sent now fails before it leaves, so nothing it asks for can land. */
export function browserOffline(): boolean {
  return globalThis.navigator?.onLine === false
}

/**
 * A lost answer to an addition (`mayHaveLanded`) the cart cannot rule out: it holds the product without saying how
 * many it held before, or it could not be read at all. Never "not added": trying again could add it twice.
 */
export function unconfirmedAddition(failure: ApiError): ApiError {
  return new ApiError({
    status: failure.status, code: 'unconfirmed', retryable: false, fieldErrors: {}, cause: failure, requestId: failure.requestId,
    message: 'We could not confirm it was added. Check your cart before adding it again.',
  })
}

/**
 * A lost answer to a quantity change or a removal (`mayHaveLanded`) whose cart could not be read either: it may have
 * been made. Said as not known, never as failed; trying again is safe (both are absolute: the same quantity, or a
 * DELETE whose 404 counts as removed).
 */
export function unconfirmedLineEdit(failure: ApiError, quantity: number): ApiError {
  return new ApiError({
    status: failure.status, code: 'unconfirmed', retryable: true, fieldErrors: {}, cause: failure, requestId: failure.requestId,
    message: quantity === 0 ? 'We could not confirm it was removed.' : `We could not confirm the quantity was changed to ${quantity}.`,
  })
}

/** The change may have been made (`unconfirmedAddition`, `unconfirmedLineEdit`): not said to have failed. */
export function isUnconfirmed(failure: unknown): failure is ApiError {
  return isApiError(failure) && failure.code === 'unconfirmed'
}

/**
 * An addition whose answer was lost (`mayHaveLanded`), judged by the cart read after it (`after`: undefined when that
 * read failed too; null when there is no cart) and what the cart held of the product before (`had`: null, not known).
 * The cart when the addition shows in it; otherwise the failure to reject with: `unconfirmedAddition` when the
 * addition cannot be ruled out (never "not added": trying again could add it twice), else the failure itself.
 */
export function lostAdditionOutcome(failure: ApiError, after: Cart | null | undefined, had: number | null, request: PurchaseLine): Cart | ApiError {
  if (after === undefined) return unconfirmedAddition(failure)
  const now = after ? landedOn(after, request)?.quantity ?? 0 : null
  if (had !== null && now !== null && now >= had + request.quantity && after) return after
  if (had === null && now) return unconfirmedAddition(failure)
  return failure
}
