import type { H3Event } from 'h3'
import { readRefreshCookie } from '../cookie'
import type { AuthDeps } from '../deps'
import { fail, failWith, noStore, refuseCrossSite } from '../respond'
import { endIfSignedOut, renewSession } from '../session'

/**
 * POST /api/auth/refresh (no body) -> {access} and a rotated cookie. 401 token_not_valid when the session is
 * over (cookie cleared); a backend outage passes its 5xx on and keeps the cookie, so nobody is signed out by it.
 */
export async function handleRefresh(event: H3Event, deps: AuthDeps) {
  const refused = refuseCrossSite(event, deps)
  if (refused) return refused
  noStore(event)
  const refresh = readRefreshCookie(event)
  if (!refresh) return fail(event, 401, { detail: 'You are not signed in.', code: 'token_not_valid' })
  if (await endIfSignedOut(event, deps, refresh)) return fail(event, 401, { detail: 'Your session has ended. Please sign in again.', code: 'token_not_valid' })
  const outcome = await renewSession(event, deps, refresh)
  if (outcome.ok) return { access: outcome.pair.access }
  return outcome.ended ? fail(event, 401, outcome.body) : failWith(event, outcome)
}
