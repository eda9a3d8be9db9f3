import type { AuthDeps } from './deps'
import { expiringStore } from './expiringStore'
import { jwtExpiresAt, jwtUserId } from './jwt'
import { tokenHash } from './tokenHash'

/**
 * "Sign out everywhere". The contract has no backend call that blacklists all of a user's refresh tokens,
 * so the BFF remembers when each sign-in started (carried from token to token across rotations) and when
 * the user last asked to end every session; a refresh whose sign-in started before that is refused.
 * This ends every storefront session; tokens used directly against the backend are out of its reach.
 */
interface Family {
  userId: string
  startedAt: number
}

const REVOCATION_TTL_MS = 90 * 24 * 3600 * 1000
const FALLBACK_FAMILY_TTL_MS = 30 * 24 * 3600 * 1000

function familyTtl(deps: AuthDeps, refresh: string): number {
  const expiresAt = jwtExpiresAt(refresh)
  return expiresAt ? Math.max(1000, expiresAt - deps.now()) : FALLBACK_FAMILY_TTL_MS
}

/**
 * A new sign-in (login, register): its family starts now. The user id is the backend's (`/auth/me/`), so a
 * SimpleJWT with its own USER_ID_CLAIM is covered too.
 */
export async function startFamily(deps: AuthDeps, refresh: string, userId: string): Promise<void> {
  await expiringStore<Family>(deps.sessions, deps.now).set(`family:${tokenHash(refresh)}`, { userId, startedAt: deps.now() }, familyTtl(deps, refresh))
}

/** Whether this refresh token was issued through this BFF (by sign-in or rotation) and not yet forgotten. */
export async function isKnownSignIn(deps: AuthDeps, refresh: string): Promise<boolean> {
  return (await expiringStore<Family>(deps.sessions, deps.now).get(`family:${tokenHash(refresh)}`)) !== undefined
}

/** After a rotation: the new token belongs to the old one's sign-in. False when that sign-in was revoked. */
export async function continueFamily(deps: AuthDeps, oldRefresh: string, pair: { access: string, refresh: string }): Promise<boolean> {
  const families = expiringStore<Family>(deps.sessions, deps.now)
  const known = await families.get(`family:${tokenHash(oldRefresh)}`)
  const userId = known?.userId ?? jwtUserId(pair.access)
  if (!userId) return true
  const revokedAt = await expiringStore<number>(deps.sessions, deps.now).get(`revoked:${userId}`)
  // Unknown start (storage was wiped) with a revocation on record: refuse rather than guess.
  if (revokedAt !== undefined && (!known || known.startedAt <= revokedAt)) return false
  await families.set(`family:${tokenHash(pair.refresh)}`, { userId, startedAt: known?.startedAt ?? deps.now() }, familyTtl(deps, pair.refresh))
  return true
}

/** Ends every sign-in of the user that started until now. */
export async function revokeAllFamilies(deps: AuthDeps, userId: string): Promise<void> {
  await expiringStore<number>(deps.sessions, deps.now).set(`revoked:${userId}`, deps.now(), REVOCATION_TTL_MS)
}

/** Who a refresh token's sign-in belongs to and when it started, if this BFF issued it. */
export async function signInOf(deps: AuthDeps, refresh: string): Promise<Family | undefined> {
  return expiringStore<Family>(deps.sessions, deps.now).get(`family:${tokenHash(refresh)}`)
}

/** True when the user ended every session after this sign-in started ("sign out everywhere"). */
export async function isRevokedSince(deps: AuthDeps, userId: string, startedAt: number): Promise<boolean> {
  const revokedAt = await expiringStore<number>(deps.sessions, deps.now).get(`revoked:${userId}`)
  return revokedAt !== undefined && startedAt <= revokedAt
}
