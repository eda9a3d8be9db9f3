import { ApiError } from './ApiError'
import { MESSAGES } from './messages'

export interface DeferredModule<T> {
  /** What loading gave, once it has; null before. */
  readonly current: T | null
  /**
   * Loads once and keeps the result. A load that fails is forgotten, so the next call tries again, and rejects as a
   * retryable network error: a chunk that cannot be fetched (offline, or a deploy replaced it) is, to the caller, a
   * request that could not leave.
   */
  get: () => Promise<T>
}

/**
 * Code loaded on first use rather than with the page (issue 21): the api transport (deferredClient.ts) and the
 * stores' services (stores/resources/deferService.ts) both come through here.
 */
export function deferModule<T>(load: () => Promise<T>): DeferredModule<T> {
  let loading: Promise<T> | null = null
  let current: T | null = null
  return {
    get current() {
      return current
    },
    get() {
      loading ??= load().then(
        (value) => {
          current = value
          return value
        },
        (cause: unknown) => {
          loading = null
          throw new ApiError({ status: 0, code: 'network_error', message: MESSAGES.network, fieldErrors: {}, retryable: true, cause })
        },
      )
      return loading
    },
  }
}
