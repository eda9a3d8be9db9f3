import type { H3Event } from 'h3'
import { setResponseStatus } from 'h3'
import type { TokenPairDto, UserDto } from '../../../../services/dto'
import { mergeGuestCartOf } from '../../cart/mergeGuestCart'
import { throttle } from '../../rate-limit/throttle'
import { callBackend, type BackendFailure } from '../backend'
import type { AuthDeps } from '../deps'
import { clientAddress, fail, failWith, noStore, refuseCrossSite } from '../respond'
import { completeSignIn } from '../session'
import { STORAGE_OUTAGE_RETRY_AFTER_S, StorageUnavailableError } from '../storageOutage'
import { tokenHash } from '../tokenHash'
import { overLongFields, readStringFields, signedInBody } from './body'

const FIELDS = ['email', 'password', 'first_name', 'last_name'] as const

/**
 * The account exists, but signing in to it failed (DRF's register and token views commonly share one throttle
 * scope, so the token call can be the one refused): the failure's status and Retry-After, in words that say the
 * account is there and to sign in, never a bare "try again" whose next try meets "already exists".
 */
function createdButNotSignedIn(event: H3Event, failure: BackendFailure): Record<string, unknown> {
  const wait = failure.retryAfterS
  const next = wait && wait > 0 ? `Please wait ${wait} second${wait === 1 ? '' : 's'}, then sign in.` : 'Please sign in.'
  return fail(event, failure.status, { detail: `Your account has been created, but we could not sign you in just now. ${next}`, code: 'account_created' }, wait)
}

/**
 * POST /api/auth/register -> 201 {access, user}, signed in. DRF field errors come back with their status.
 * A guest cart in this browser becomes the new account's cart, as at login.
 */
export async function handleRegister(event: H3Event, deps: AuthDeps) {
  const refused = refuseCrossSite(event, deps)
  if (refused) return refused
  noStore(event)
  const input = await readStringFields(event, FIELDS)
  const tooLong = overLongFields(input)
  if (tooLong) return fail(event, 400, tooLong)
  const ip = clientAddress(event, deps)
  const throttled = await throttle(event, deps.limits, [{ key: `register:address:${tokenHash(ip)}`, rule: deps.rateLimits.register }], deps.now)
  if (throttled) return throttled

  const created = await callBackend<UserDto>(event, deps.apiBase, '/auth/register/', { method: 'POST', body: input })
  if (!created.ok) return failWith(event, created)

  const token = await callBackend<TokenPairDto>(event, deps.apiBase, '/auth/token/', {
    method: 'POST', body: { email: input.email, password: input.password },
  })
  if (!token.ok) return createdButNotSignedIn(event, token)
  const signedIn = await completeSignIn(event, deps, token.data).catch((error: unknown) => {
    // The session storage down now (register.post.ts would say "unavailable, try again"): the account is made.
    if (error instanceof StorageUnavailableError) return { ok: false as const, status: 503, body: {}, retryAfterS: STORAGE_OUTAGE_RETRY_AFTER_S }
    throw error
  })
  if (!signedIn.ok) return createdButNotSignedIn(event, signedIn)
  const cartMerge = await mergeGuestCartOf(event, deps, signedIn.access)
  setResponseStatus(event, 201)
  return signedInBody(signedIn.access, signedIn.user, cartMerge)
}
