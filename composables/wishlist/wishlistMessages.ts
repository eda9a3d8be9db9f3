import type { ApiErrorData } from '~/composables/core/api/ApiError'

/** Failures someone else already explained: the session handler says "your session has expired". */
export function isSilentFailure(error: ApiErrorData): boolean {
  return error.code === 'session_expired' || error.code === 'aborted'
}

/** Why the backend refused, as far as it helps the shopper. */
function refusalReason(error: ApiErrorData): string {
  if (error.status === 400) return 'This product is no longer available.'
  if (error.status === 401 || error.status === 403) return 'Please sign in again.'
  if (error.status === 0 || error.status === 429 || error.retryable) return error.message
  return 'Please try again.'
}

/** What the shopper reads when a heart went back: what was not done, and why when the why helps. */
export function refusalMessage(title: string, wanted: boolean, error: ApiErrorData): string {
  const what = wanted ? `${title} could not be added to your wishlist.` : `${title} could not be removed from your wishlist.`
  return `${what} ${refusalReason(error)}`
}

/** "Undo" of a removal on /wishlist was refused: the product stays removed. */
export function putBackRefusalMessage(title: string, error: ApiErrorData): string {
  return `${title} could not be put back in your wishlist. ${refusalReason(error)}`
}

/** After sign-in, the products the shopper hearted before signing in. */
export function addedAfterSignInMessage(titles: readonly string[]): string {
  if (titles.length === 1) return `${titles[0]} is in your wishlist.`
  return `${titles.length} products are in your wishlist.`
}
