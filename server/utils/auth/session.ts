import type { H3Event } from 'h3'
import type { TokenPairDto, UserDto } from '../../../services/dto'
import { callBackend, type BackendFailure } from './backend'
import { clearRefreshCookie, writeRefreshCookie } from './cookie'
import type { AuthDeps } from './deps'
import { isRevocationPending, retryDeferredRevocations } from './deferredRevocation'
import { continueFamily, startFamily } from './revocation'
import { carryRenderSession, forgetRenderSession, rememberSignIn } from './renderSessionCache'
import { rotateRefreshToken } from './rotation'

export type SessionOutcome =
  /** `user`: who the rotated-away cookie's render session said they were (carried, not read again), if anyone. */
  | { ok: true, pair: TokenPairDto, user: UserDto | null }
  /** The session is over (spent, expired, blacklisted or revoked): the cookie has been cleared. */
  | { ok: false, ended: true, body: Record<string, unknown> }
  /** The backend could not answer: the cookie is kept, the next attempt may succeed. */
  | ({ ok: false, ended: false } & BackendFailure)

const ENDED = { detail: 'Your session has ended. Please sign in again.', code: 'token_not_valid' }

/**
 * A token signed out while the backend could not be told (deferredRevocation.ts) is over here at once, whoever
 * presents it (a copy of the cookie): the cookie is cleared, its render session dropped, and the blacklist call
 * retried now. True when the session was ended; otherwise deferred sign-outs are retried in the background.
 */
export async function endIfSignedOut(event: H3Event, deps: AuthDeps, refresh: string): Promise<boolean> {
  const signedOut = await isRevocationPending(deps, refresh)
  retryDeferredRevocations(event, deps, signedOut)
  if (!signedOut) return false
  clearRefreshCookie(event, deps.cookie)
  await forgetRenderSession(deps, refresh)
  return true
}

/** Rotates the cookie's refresh token and writes the new one; the one path every refresh takes. */
export async function renewSession(event: H3Event, deps: AuthDeps, refresh: string): Promise<SessionOutcome> {
  const rotated = await rotateRefreshToken(event, deps, refresh)
  if (!rotated.ok) {
    if (rotated.status !== 401) return { ...rotated, ended: false }
    clearRefreshCookie(event, deps.cookie)
    await forgetRenderSession(deps, refresh)
    return { ok: false, ended: true, body: { ...ENDED, detail: typeof rotated.body.detail === 'string' ? rotated.body.detail : ENDED.detail } }
  }
  if (!await continueFamily(deps, refresh, rotated.pair)) {
    await callBackend(event, deps.apiBase, '/auth/token/blacklist/', { method: 'POST', body: { refresh: rotated.pair.refresh } })
    clearRefreshCookie(event, deps.cookie)
    await forgetRenderSession(deps, refresh)
    return { ok: false, ended: true, body: { ...ENDED, detail: 'You were signed out on all devices. Please sign in again.' } }
  }
  writeRefreshCookie(event, rotated.pair.refresh, deps.cookie, deps.now())
  const user = await carryRenderSession(deps, refresh, rotated.pair)
  return { ok: true, pair: rotated.pair, user }
}

export type SignInOutcome =
  | { ok: true, access: string, user: UserDto }
  | ({ ok: false } & BackendFailure)

/** After the backend issued a fresh pair: who is it, then the cookie. No cookie unless the user loads. */
export async function completeSignIn(event: H3Event, deps: AuthDeps, pair: TokenPairDto): Promise<SignInOutcome> {
  const me = await callBackend<UserDto>(event, deps.apiBase, '/auth/me/', { access: pair.access })
  if (!me.ok) return me
  await startFamily(deps, pair.refresh, String(me.data.id))
  writeRefreshCookie(event, pair.refresh, deps.cookie, deps.now())
  // The first page after signing in renders with this token and user: no rotation, no /auth/me/.
  await rememberSignIn(deps, pair, me.data)
  // The backend is answering: a good moment to send it the sign-outs it missed.
  retryDeferredRevocations(event, deps)
  return { ok: true, access: pair.access, user: me.data }
}
