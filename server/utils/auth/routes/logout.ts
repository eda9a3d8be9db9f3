import type { H3Event } from 'h3'
import { sendNoContent } from 'h3'
import { clearCartCookies } from '../../cart/cartCookies'
import { callBackend } from '../backend'
import { deferRevocation, isPassingFailure } from '../deferredRevocation'
import { clearRefreshCookie, readRefreshCookie } from '../cookie'
import type { AuthDeps } from '../deps'
import { jwtUserId } from '../jwt'
import { fail, failWith, noStore, refuseCrossSite } from '../respond'
import { forgetRenderSession } from '../renderSessionCache'
import { revokeAllFamilies, signInOf } from '../revocation'

/**
 * POST /api/auth/logout -> 204. Blacklists the refresh token at the backend and clears the cookie, and every
 * cart cookie, so the next person on this computer starts with an empty cart. The cookies are cleared even when
 * the backend is unreachable: this browser is signed out either way, and the token is kept to be blacklisted once
 * the backend answers again (deferredRevocation.ts), refused by the BFF until then.
 */
export async function handleLogout(event: H3Event, deps: AuthDeps) {
  const refused = refuseCrossSite(event, deps)
  if (refused) return refused
  noStore(event)
  const refresh = readRefreshCookie(event)
  if (refresh) {
    const blacklisted = await callBackend(event, deps.apiBase, '/auth/token/blacklist/', { method: 'POST', body: { refresh } })
    // Recorded before the render session goes: from here no request may use this token, cached or not.
    if (!blacklisted.ok && isPassingFailure(blacklisted.status)) await deferRevocation(deps, refresh)
    await forgetRenderSession(deps, refresh)
  }
  clearRefreshCookie(event, deps.cookie)
  clearCartCookies(event, deps.cookie)
  return sendNoContent(event, 204)
}

/**
 * POST /api/auth/logout-all -> 204. Ends this session at the backend and every other storefront session of
 * the same user (see revocation.ts for how, and for what it cannot reach).
 */
export async function handleLogoutAll(event: H3Event, deps: AuthDeps) {
  const refused = refuseCrossSite(event, deps)
  if (refused) return refused
  noStore(event)
  const refresh = readRefreshCookie(event)
  if (!refresh) {
    clearCartCookies(event, deps.cookie)
    return fail(event, 401, { detail: 'You are not signed in.', code: 'token_not_valid' })
  }
  // The backend validates the token; only then do we trust the user id in it.
  const blacklisted = await callBackend(event, deps.apiBase, '/auth/token/blacklist/', { method: 'POST', body: { refresh } })
  // Whose sign-in this cookie is, as recorded when this BFF issued it (the backend's user id, whatever
  // USER_ID_CLAIM says). Without SimpleJWT's token_blacklist app the endpoint answers 404: that record vouches for it.
  const signIn = await signInOf(deps, refresh)
  const vouched = !blacklisted.ok && blacklisted.status === 404 && signIn !== undefined
  // A backend failure keeps this browser signed in, cart included; anything else signs it out.
  if (!blacklisted.ok && blacklisted.status !== 401 && !vouched) return failWith(event, blacklisted)
  clearRefreshCookie(event, deps.cookie)
  clearCartCookies(event, deps.cookie)
  await forgetRenderSession(deps, refresh)
  if (!blacklisted.ok && !vouched) return fail(event, 401, { detail: 'Your session has ended. Please sign in again.', code: 'token_not_valid' })
  const userId = signIn?.userId ?? jwtUserId(refresh)
  if (userId) await revokeAllFamilies(deps, userId)
  return sendNoContent(event, 204)
}
