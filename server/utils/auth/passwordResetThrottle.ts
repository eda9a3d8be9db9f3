import type { H3Event } from 'h3'
import { routedBackendPath } from '../proxy/backendPath'
import { throttle, type ThrottleCheck } from '../rate-limit/throttle'
import type { AuthDeps } from './deps'
import { clientAddress, noStore } from './respond'
import { readStringFields } from './routes/body'
import { tokenHash } from './tokenHash'

// The backend's reset endpoints as the proxy's path rules read a path (proxy/backendPath.ts routedBackendPath:
// decoded, lower-cased, slashes merged), with or without the trailing slash: no spelling a backend might route to
// them goes uncounted.
const REQUEST = /^\/auth\/password\/reset\/?$/
const CONFIRM = /^\/auth\/password\/reset\/confirm\/?$/

export type PasswordResetCall = 'request' | 'confirm'

/** Which reset call a proxied request is: a `POST` to one of the two endpoints; null for anything else. */
export function passwordResetCall(method: string, pathAndQuery: string): PasswordResetCall | null {
  if (method.toUpperCase() !== 'POST') return null
  const routed = routedBackendPath(pathAndQuery)
  if (routed === null) return null
  if (CONFIRM.test(routed)) return 'confirm'
  return REQUEST.test(routed) ? 'request' : null
}

/** The limits a reset call counts against. */
async function checksFor(event: H3Event, deps: AuthDeps, call: PasswordResetCall): Promise<ThrottleCheck[]> {
  const ip = clientAddress(event, deps)
  if (call === 'confirm') return [{ key: `reset-confirm:address:${tokenHash(ip)}`, rule: deps.rateLimits.passwordResetConfirm }]
  // The body is read once and kept by h3, so the proxy still forwards it as it came.
  const { email } = await readStringFields(event, ['email'] as const)
  return [
    // Hashed, as sign-in's: no email address is kept in Redis in clear, and whatever was typed is a valid key.
    { key: `reset:account:${tokenHash(`${ip}\n${(email ?? '').trim().toLowerCase()}`)}`, rule: deps.rateLimits.passwordResetPerAccount },
    { key: `reset:address:${tokenHash(ip)}`, rule: deps.rateLimits.passwordResetPerAddress },
  ]
}

/**
 * The BFF's limits on the backend's password reset, which the /api proxy otherwise passes straight through: each
 * request the backend takes sends an email, and each confirm tries a uid and token. A backend without throttles of
 * its own (the demo) would make the storefront an email cannon and a token-guessing endpoint. Counted per address
 * and email, and per address, as sign-in is (docs/auth.md, "Rate limits"); a 429 in DRF's shape with Retry-After,
 * which the reset forms show at the top. Null when the call may go on to the backend. Throws
 * StorageUnavailableError when the limits cannot be read (the caller declines, as sign-in does).
 */
export async function throttlePasswordReset(event: H3Event, deps: AuthDeps, call: PasswordResetCall): Promise<Record<string, unknown> | null> {
  const checks = await checksFor(event, deps, call)
  const throttled = await throttle(event, deps.limits, checks, deps.now)
  if (throttled) noStore(event)
  return throttled
}
