import type { ApiErrorData } from '~/composables/core/api/ApiError'

/** Failures someone else already explained: the session handler says "your session has expired". */
export function isSilentFailure(error: ApiErrorData): boolean {
  return error.code === 'session_expired' || error.code === 'aborted'
}

/** What the shopper reads when a heart went back: what was not done, and why when the why helps. */
export function refusalMessage(title: string, wanted: boolean, error: ApiErrorData): string {
  const what = wanted ? `${title} could not be added to your wishlist.` : `${title} could not be removed from your wishlist.`
  if (error.status === 400) return `${what} This product is no longer available.`
  if (error.status === 401 || error.status === 403) return `${what} Please sign in again.`
  if (error.status === 0 || error.status === 429 || error.retryable) return `${what} ${error.message}`
  return `${what} Please try again.`
}

/** After sign-in, the products the shopper hearted before signing in. */
export function addedAfterSignInMessage(titles: readonly string[]): string {
  if (titles.length === 1) return `${titles[0]} is in your wishlist.`
  return `${titles.length} products are in your wishlist.`
}
