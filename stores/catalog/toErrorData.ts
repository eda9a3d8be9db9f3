import { isApiError, type ApiErrorData } from '~/composables/core/api/ApiError'

/** Store state keeps errors as plain data (they travel in the SSR payload); anything unexpected gets a generic one. */
export function toErrorData(error: unknown): ApiErrorData {
  if (isApiError(error)) return error.toJSON()
  return { status: 0, code: 'unknown', message: 'Something went wrong. Please try again.', fieldErrors: {}, retryable: true }
}
