import type { TokenPairDto, UserDto } from '../../../services/dto'
import type { AuthDeps } from './deps'
import { jwtClaims, jwtUserId } from './jwt'
import { signInOf } from './revocation'
import { seal, unseal } from './sealed'
import { tokenHash } from './tokenHash'
import { withStorageTimeout } from '../storage/storageTimeout'

/**
 * What a server render needs to act for a signed-in shopper without asking the backend: a still-valid access
 * token and who they are. Kept in the `auth` storage (Redis when NUXT_REDIS_URL is set, so every instance shares
 * it) under a hash of the refresh cookie, sealed with a key derived from that cookie (sealed.ts): only the browser
 * holding the cookie can have it used, and a storage dump reveals neither tokens nor users.
 */
export interface RenderSession {
  access: string
  /** null after a profile change: the next render asks /auth/me/ once. */
  user: UserDto | null
  /** When `user` was read from the backend (epoch ms). */
  userAt: number
  userId: string
  /** When this sign-in started, for "sign out everywhere" (revocation.ts). */
  startedAt: number
}

/** A cached session as read back: `usableUntil` says whether its token may still be handed to a render. */
export interface CachedRenderSession extends RenderSession {
  usableUntil: number
}

interface Stored extends CachedRenderSession {
  /** The entry outlives its token while its user may still be carried over to the next rotation. */
  expiresAt: number
}

/** A user read from the backend is carried across rotations for this long, then read again. */
export const USER_MAX_AGE_MS = 15 * 60_000
/** A storage that does not answer in time costs the cache, never the page. */
const STORAGE_TIMEOUT_MS = 250

function keyOf(refresh: string): string {
  return `render:${tokenHash(refresh)}`
}

/** `promise`, or a rejection once the storage has had STORAGE_TIMEOUT_MS to answer. */
export function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return withStorageTimeout(promise, STORAGE_TIMEOUT_MS, 'auth storage')
}

function warn(action: string, error: unknown): void {
  console.warn(`[auth] render session ${action} failed`, error instanceof Error ? error.message : error)
}

/** Epoch ms when an access token stops being worth handing to a render: its expiry minus a safety margin. */
export function usableUntil(access: string): number {
  const claims = jwtClaims(access)
  const exp = typeof claims?.exp === 'number' ? claims.exp * 1000 : 0
  const iat = typeof claims?.iat === 'number' ? claims.iat * 1000 : exp - 300_000
  // A fifth of the lifetime, between 1 s and 60 s: a render (and its retries) must finish before the token dies.
  const margin = Math.min(60_000, Math.max(1_000, (exp - iat) / 5))
  return exp - margin
}

/** The cached session of this refresh cookie; undefined on a miss or a storage failure. Check `usableUntil`. */
export async function readRenderSession(deps: AuthDeps, refresh: string): Promise<CachedRenderSession | undefined> {
  try {
    const stored = unseal<Stored>(await withTimeout(deps.sessions.getItem(keyOf(refresh))), refresh)
    if (!stored || stored.expiresAt <= deps.now()) return undefined
    const { expiresAt: _expiresAt, ...session } = stored
    return session
  }
  catch (error) {
    warn('read', error)
    return undefined
  }
}

/**
 * Keeps `session` for this refresh cookie: its token is handed out until shortly before it expires, its user is
 * kept for the next rotation while recent enough. False when it could not be kept (or there is nothing to keep).
 */
export async function writeRenderSession(deps: AuthDeps, refresh: string, session: RenderSession): Promise<boolean> {
  const { access, user, userAt, userId, startedAt } = session
  const usable = usableUntil(access)
  const expiresAt = Math.max(usable, user ? userAt + USER_MAX_AGE_MS : 0)
  const ttlMs = expiresAt - deps.now()
  if (ttlMs <= 0) return false
  try {
    const stored: Stored = { access, user, userAt, userId, startedAt, usableUntil: usable, expiresAt }
    await withTimeout(deps.sessions.setItem(keyOf(refresh), seal(stored, refresh), { ttl: Math.ceil(ttlMs / 1000) }))
    return true
  }
  catch (error) {
    warn('write', error)
    return false
  }
}

/** Sign-out, a rotated-away cookie: the token must not be handed out again. */
export async function forgetRenderSession(deps: AuthDeps, refresh: string): Promise<void> {
  try {
    await withTimeout(deps.sessions.removeItem(keyOf(refresh)))
  }
  catch (error) {
    warn('removal', error)
  }
}

/** After a profile change: keep the token, read the user again on the next render (or forget both if that fails). */
export async function forgetRenderUser(deps: AuthDeps, refresh: string): Promise<void> {
  const session = await readRenderSession(deps, refresh)
  if (session && !session.user) return
  if (!session || !await writeRenderSession(deps, refresh, { ...session, user: null })) await forgetRenderSession(deps, refresh)
}

/** A fresh sign-in: the render session starts with the pair and the user the sign-in just read. */
export async function rememberSignIn(deps: AuthDeps, pair: TokenPairDto, user: UserDto): Promise<void> {
  const userId = jwtUserId(pair.access) ?? String(user.id)
  await writeRenderSession(deps, pair.refresh, { access: pair.access, user, userAt: deps.now(), userId, startedAt: deps.now() })
}

/**
 * After a rotation: the new cookie's render session gets the new access token and, while it is recent enough,
 * the user the old one knew; the old cookie's session is dropped (that token must not be handed out again).
 * Returns the carried user, or null when the next render must read it.
 */
export async function carryRenderSession(deps: AuthDeps, oldRefresh: string, pair: TokenPairDto): Promise<UserDto | null> {
  const previous = await readRenderSession(deps, oldRefresh)
  // A concurrent request with the same old cookie may have carried it over already (rotation.ts's grace window).
  const carried = previous ? undefined : await readRenderSession(deps, pair.refresh)
  if (carried) return carried.user
  const user = previous?.user && deps.now() - previous.userAt < USER_MAX_AGE_MS ? previous.user : null
  const signIn = await signInOf(deps, pair.refresh).catch(() => undefined)
  const userId = signIn?.userId ?? previous?.userId ?? jwtUserId(pair.access)
  if (userId) {
    await writeRenderSession(deps, pair.refresh, {
      access: pair.access,
      user,
      userAt: user ? previous!.userAt : 0,
      userId,
      startedAt: signIn?.startedAt ?? previous?.startedAt ?? deps.now(),
    })
  }
  // A backend that does not rotate refresh tokens hands the same one back: its session was just rewritten, not old.
  if (previous && oldRefresh !== pair.refresh) await forgetRenderSession(deps, oldRefresh)
  return user
}
