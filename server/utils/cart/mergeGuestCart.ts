import type { H3Event } from 'h3'
import type { CartDto } from '../../../services/dto'
import { callBackend } from '../auth/backend'
import { applyCartCookies, hasCartMarker, readCartToken, type CartCookieOptions } from './cartCookies'
import { cartItemCount, markerFor, type CartCookieUpdate } from './tokenPolicy'

/**
 * merged: the guest cart is in the user's cart now (or the backend no longer knew it: nothing to move).
 * pending: the backend could not do it now; the guest cookie is kept and the next cart call through the BFF
 *   tries again, so the cart is never lost to an outage.
 * discarded: the backend refused the token itself (400): no retry can succeed, the cookie is dropped.
 */
export type MergeOutcome =
  | { state: 'merged', cart: CartDto }
  | { state: 'pending', status: number, body: Record<string, unknown> }
  | { state: 'discarded', status: number, body: Record<string, unknown> }

/** What a sign-in reports about the guest cart; `none` when the browser had none. */
export type SignInCartMerge = 'none' | MergeOutcome['state']

export interface MergeDeps {
  apiBase: string
  cookie: CartCookieOptions
}

// Sign-in waits for the merge: a slow cart service must not hold it for the proxy's full 15 s.
const MERGE_TIMEOUT_MS = 5_000

/** POST /cart/merge/ with the user's access token; never throws. */
export async function mergeGuestCart(event: H3Event, apiBase: string, guestToken: string, access: string): Promise<MergeOutcome> {
  const result = await callBackend<CartDto>(event, apiBase, '/cart/merge/', {
    method: 'POST', body: { token: guestToken }, access, timeoutMs: MERGE_TIMEOUT_MS,
  })
  if (result.ok && cartItemCount(result.data) !== undefined) return { state: 'merged', cart: result.data }
  if (result.ok) return { state: 'pending', status: 502, body: { detail: 'The shop answered the cart merge with something we could not read.', code: 'bad_response' } }
  if (result.status === 400) return { state: 'discarded', status: result.status, body: result.body }
  return { state: 'pending', status: result.status, body: result.body }
}

/** The cookies after a merge attempt: the guest cookie goes once its cart has moved (or can never move). */
export function cookiesAfterMerge(outcome: MergeOutcome, hasMarker: boolean): CartCookieUpdate {
  switch (outcome.state) {
    case 'merged': return { token: 'clear', marker: markerFor(cartItemCount(outcome.cart) ?? 0, hasMarker) }
    case 'discarded': return { token: 'clear', marker: 'keep' }
    case 'pending': return { token: 'keep', marker: 'keep' }
  }
}

/**
 * After a sign-in or registration issued `access`: moves this browser's guest cart (if any) into the user's cart
 * and updates the cookies. A failure never fails the sign-in; it is reported and retried (see MergeOutcome).
 */
export async function mergeGuestCartOf(event: H3Event, deps: MergeDeps, access: string): Promise<SignInCartMerge> {
  const guestToken = readCartToken(event)
  if (!guestToken) return 'none'
  const outcome = await mergeGuestCart(event, deps.apiBase, guestToken, access)
  applyCartCookies(event, cookiesAfterMerge(outcome, hasCartMarker(event)), deps.cookie)
  if (outcome.state !== 'merged') {
    console.warn(`[cart] guest cart merge ${outcome.state}: backend answered ${outcome.status}`)
  }
  return outcome.state
}
