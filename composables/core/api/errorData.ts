import { isApiError, type ApiErrorData } from './ApiError'

// Apart from ApiError.ts: the page's entry chunk carries the error class (the deferred transport throws it), and
// only the stores and forms that keep errors as data need this.

/** What a shopper reads when something failed that is not an ApiError (a bug, an unexpected throw). */
export const UNKNOWN_ERROR_MESSAGE = 'Something went wrong. Please try again.'

/** Any failure as plain data for state and the SSR payload: an ApiError as it is, anything else as a generic one. */
export function toApiErrorData(error: unknown): ApiErrorData {
  if (isApiError(error)) return error.toJSON()
  return { status: 0, code: 'unknown', message: UNKNOWN_ERROR_MESSAGE, fieldErrors: {}, retryable: true }
}
