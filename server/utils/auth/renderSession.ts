import type { H3Event } from 'h3'
import type { UserDto } from '../../../services/dto'
import { callBackend, type BackendFailure } from './backend'
import { readRefreshCookie } from './cookie'
import type { AuthDeps } from './deps'
import { isRevokedSince } from './revocation'
import { readRenderSession, withTimeout, writeRenderSession, type RenderSession } from './renderSessionCache'
import { endIfSignedOut, renewSession } from './session'

export type SessionAnswer =
  | { ok: true, user: UserDto | null, access?: string }
  /** The backend or the session storage could not answer: the cookie is kept, the page renders as "unknown". */
  | ({ ok: false } & BackendFailure)

const SIGNED_OUT: SessionAnswer = { ok: true, user: null }

async function readUser(event: H3Event, deps: AuthDeps, access: string): Promise<{ user: UserDto } | BackendFailure> {
  const me = await callBackend<UserDto>(event, deps.apiBase, '/auth/me/', { access })
  return me.ok ? { user: me.data } : me
}

/** A cached session may be used while its token is usable and its sign-in was not ended everywhere since. */
async function stillValid(deps: AuthDeps, session: RenderSession): Promise<boolean> {
  try {
    return !await withTimeout(isRevokedSince(deps, session.userId, session.startedAt))
  }
  catch {
    // Unknown: go the long way, where the rotation checks revocation itself.
    return false
  }
}

/** Completes a session whose user is unknown (first render after a rotation with no cached user, a profile edit). */
async function withUser(event: H3Event, deps: AuthDeps, refresh: string, session: RenderSession): Promise<SessionAnswer> {
  if (session.user) return { ok: true, user: session.user, access: session.access }
  const read = await readUser(event, deps, session.access)
  if ('status' in read) return read.status === 401 ? SIGNED_OUT : { ...read, ok: false }
  await writeRenderSession(deps, refresh, { ...session, user: read.user, userAt: deps.now() })
  return { ok: true, user: read.user, access: session.access }
}

/**
 * Who the refresh cookie of this request belongs to, and an access token for the render's backend calls.
 *
 * A signed-in page view normally costs nothing at the backend: the token and user cached for this cookie
 * (renderSessionCache.ts) are reused while the token is usable. Near its expiry the cookie is rotated once (the
 * one rotation path, with its grace window across tabs and instances: rotation.ts), the rotated cookie is written
 * on `event`'s response, and the user is carried over instead of read again. `/auth/me/` is asked only when no
 * recent user is known. Only our own server code may call this: the token must never reach a browser from here.
 */
export async function sessionForRender(event: H3Event, deps: AuthDeps): Promise<SessionAnswer> {
  const refresh = readRefreshCookie(event)
  if (!refresh) return SIGNED_OUT
  try {
    const [cached, signedOut] = await Promise.all([readRenderSession(deps, refresh), endIfSignedOut(event, deps, refresh)])
    if (signedOut) return SIGNED_OUT
    if (cached && cached.usableUntil > deps.now() && await stillValid(deps, cached)) return await withUser(event, deps, refresh, cached)

    const renewed = await renewSession(event, deps, refresh)
    if (!renewed.ok) return renewed.ended ? SIGNED_OUT : { ok: false, status: renewed.status, body: renewed.body, retryAfterS: renewed.retryAfterS }
    const session = await readRenderSession(deps, renewed.pair.refresh)
    if (session && session.access === renewed.pair.access) return await withUser(event, deps, renewed.pair.refresh, session)
    // The session storage would not keep it (down, or full): still render this page signed in.
    if (renewed.user) return { ok: true, user: renewed.user, access: renewed.pair.access }
    const read = await readUser(event, deps, renewed.pair.access)
    if ('status' in read) return read.status === 401 ? SIGNED_OUT : { ...read, ok: false }
    return { ok: true, user: read.user, access: renewed.pair.access }
  }
  catch (error) {
    console.warn('[auth] session for render failed', error instanceof Error ? error.message : error)
    return { ok: false, status: 503, body: { detail: 'Your session could not be checked right now.', code: 'session_unavailable' } }
  }
}
