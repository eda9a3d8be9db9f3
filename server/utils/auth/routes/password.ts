import type { H3Event } from 'h3'
import { getRequestHeader } from 'h3'
import type { TokenPairDto, UserDto } from '../../../../services/dto'
import { callBackend, type BackendFailure } from '../backend'
import { clearRefreshCookie, readRefreshCookie } from '../cookie'
import type { AuthDeps } from '../deps'
import { forgetRenderSession } from '../renderSessionCache'
import { fail, failWith, noStore, refuseCrossSite } from '../respond'
import { completeSignIn } from '../session'
import { STORAGE_OUTAGE_RETRY_AFTER_S, StorageUnavailableError } from '../storageOutage'
import { overLongFields, readStringFields } from './body'

const FIELDS = ['current_password', 'new_password'] as const

/** The access token the browser's api core sent (it refreshes and replays once when the backend refuses it). */
function bearer(event: H3Event): string | undefined {
  const match = /^Bearer\s+(\S+)$/.exec(getRequestHeader(event, 'authorization')?.trim() ?? '')
  return match?.[1]
}

/**
 * The password is changed but this browser could not be signed in again (the token call throttled, the backend
 * gone in between): its old refresh token is blacklisted, so the cookie goes, and the answer says to sign in with
 * the new password. Never 401, which the api core would take for an expired token and replay: the replay would
 * send the old current password, now wrong.
 */
function changedButSignedOut(event: H3Event, deps: AuthDeps, failure: BackendFailure): Record<string, unknown> {
  clearRefreshCookie(event, deps.cookie)
  const wait = failure.retryAfterS
  const next = wait && wait > 0 ? `Please wait ${wait} second${wait === 1 ? '' : 's'}, then sign in with your new password.` : 'Please sign in with your new password.'
  const status = failure.status === 401 ? 502 : failure.status
  return fail(event, status, { detail: `Your password has been changed, but we could not keep you signed in. ${next}`, code: 'password_changed' }, wait)
}

/**
 * POST /api/auth/password {current_password, new_password} -> 200 {access, user}, this browser still signed in.
 * The backend's set_password (Djoser's shape) blacklists every refresh token of the user, this cookie's included, so
 * every other device is signed out at its next refresh; this browser then signs in with the new password here and
 * gets a fresh cookie, the refresh token never leaving the server. Field errors (`current_password`, the validators
 * on `new_password`), 401, 429 and outages come back with the backend's status. The passwords go only in the body
 * of the two backend calls: never logged, never in a key.
 */
export async function handleChangePassword(event: H3Event, deps: AuthDeps) {
  const refused = refuseCrossSite(event, deps)
  if (refused) return refused
  noStore(event)
  const refresh = readRefreshCookie(event)
  // Only a signed-in browser's session can be kept: without the cookie there is nothing to keep.
  if (!refresh) return fail(event, 401, { detail: 'You are not signed in.', code: 'token_not_valid' })
  const input = await readStringFields(event, FIELDS)
  const tooLong = overLongFields(input)
  if (tooLong) return fail(event, 400, tooLong)
  const access = bearer(event)

  // Who this is (the sign-in afterwards needs the email) before anything changes: after the change, one call
  // fewer can fail. It also checks the token: a refused one is a 401 the core refreshes and replays.
  const me = await callBackend<UserDto>(event, deps.apiBase, '/auth/me/', { access })
  if (!me.ok) return failWith(event, me)
  const changed = await callBackend(event, deps.apiBase, '/auth/users/set_password/', { method: 'POST', access, body: input })
  if (!changed.ok) return failWith(event, changed)
  // The backend blacklisted this cookie's token: no render may be served from its cached session either.
  await forgetRenderSession(deps, refresh)

  const token = await callBackend<TokenPairDto>(event, deps.apiBase, '/auth/token/', {
    method: 'POST', body: { email: me.data.email, password: input.new_password },
  })
  if (!token.ok) return changedButSignedOut(event, deps, token)
  const signedIn = await completeSignIn(event, deps, token.data).catch((error: unknown) => {
    if (error instanceof StorageUnavailableError) return { ok: false as const, status: 503, body: {}, retryAfterS: STORAGE_OUTAGE_RETRY_AFTER_S }
    throw error
  })
  if (!signedIn.ok) return changedButSignedOut(event, deps, signedIn)
  return { access: signedIn.access, user: signedIn.user }
}
