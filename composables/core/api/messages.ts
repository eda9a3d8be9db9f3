// The sentences a shopper reads when the transport fails. Kept apart from normalizeError so the part of the core
// that is loaded with the page (see deferredClient.ts) can speak them too.
export const MESSAGES = {
  network: 'Could not reach the shop. Check your connection and try again.',
  timeout: 'The shop took too long to answer. Please try again.',
  aborted: 'The request was cancelled.',
  badResponse: 'The shop sent an answer we could not read. Please try again.',
  fields: 'Please check the highlighted fields.',
  /** Anything that failed without an ApiError (a bug, an unexpected throw). */
  unknown: 'Something went wrong. Please try again.',
  circuitOpen: 'The shop is having trouble right now. Please try again in a few seconds.',
} as const

/** 429: how long to wait, from Retry-After when the backend sent it (DRF's throttles always do). */
export function throttledMessage(retryAfterMs: number | undefined): string {
  if (retryAfterMs === undefined) return 'Too many requests. Please wait a moment and try again.'
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000))
  if (seconds < 120) return `Too many requests. Please wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`
  return `Too many requests. Please wait ${Math.ceil(seconds / 60)} minutes and try again.`
}
