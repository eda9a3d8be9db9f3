import type { H3Event } from 'h3'
import type { TokenPairDto } from '../../../../services/dto'
import { mergeGuestCartOf } from '../../cart/mergeGuestCart'
import { refund, throttle } from '../../rate-limit/throttle'
import { callBackend } from '../backend'
import type { AuthDeps } from '../deps'
import { clientAddress, fail, failWith, noStore, refuseCrossSite } from '../respond'
import { completeSignIn } from '../session'
import { tokenHash } from '../tokenHash'
import { overLongFields, readStringFields, signedInBody } from './body'

/**
 * POST /api/auth/login {email, password} -> {access, user}; the refresh token goes into the httpOnly cookie only.
 * A guest cart in this browser is merged into the user's cart; `cart_merge` says how that went (see signedInBody).
 */
export async function handleLogin(event: H3Event, deps: AuthDeps) {
  const refused = refuseCrossSite(event, deps)
  if (refused) return refused
  noStore(event)
  const input = await readStringFields(event, ['email', 'password'] as const)
  const tooLong = overLongFields(input)
  if (tooLong) return fail(event, 400, tooLong)
  const ip = clientAddress(event, deps)
  // Per address and account, so one shopper's typos do not lock out everyone behind the same address; plus
  // a looser per-address limit against trying many accounts.
  const checks = [
    // Hashed: whatever was typed (`../../etc`, an IPv6 address's colons) is a valid storage key, and no email address
    // is kept in Redis in clear.
    { key: `login:account:${tokenHash(`${ip}\n${(input.email ?? '').trim().toLowerCase()}`)}`, rule: deps.rateLimits.loginPerAccount },
    { key: `login:address:${tokenHash(ip)}`, rule: deps.rateLimits.loginPerAddress },
  ]
  const throttled = await throttle(event, deps.limits, checks, deps.now)
  if (throttled) return throttled

  const token = await callBackend<TokenPairDto>(event, deps.apiBase, '/auth/token/', {
    method: 'POST', body: { email: input.email, password: input.password },
  })
  if (!token.ok) return failWith(event, token)
  await refund(deps.limits, checks, deps.now)

  const signedIn = await completeSignIn(event, deps, token.data)
  if (!signedIn.ok) return failWith(event, signedIn)
  return signedInBody(signedIn.access, signedIn.user, await mergeGuestCartOf(event, deps, signedIn.access))
}
