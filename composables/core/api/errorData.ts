import { isApiError, type ApiErrorData } from './ApiError'
import { MESSAGES } from './messages'

// Apart from ApiError.ts: the page's entry chunk carries the error class (the deferred transport throws it), and
// only the stores and forms that keep errors as data need this.

/** Any failure as plain data for state and the SSR payload: an ApiError as it is, anything else as a generic one. */
export function toApiErrorData(error: unknown): ApiErrorData {
  if (isApiError(error)) return error.toJSON()
  return { status: 0, code: 'unknown', message: MESSAGES.unknown, fieldErrors: {}, retryable: true }
}
