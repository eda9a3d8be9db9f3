import type { Storage } from 'unstorage'
import type { RefreshCookieOptions } from './cookie'
import type { RateLimitRule } from '../rate-limit/fixedWindow'
import type { Claim } from '../storage/claim'

/** Everything the auth routes need from the outside world; built per request by `authDeps()`, or by tests. */
export interface AuthDeps {
  /** Backend base URL, e.g. http://127.0.0.1:4010/api. */
  apiBase: string
  /** Storage mount "auth": the rotation grace cache. */
  sessions: Storage
  /** Set-if-absent on the "auth" mount, shared by every instance: one instance acts on a deferred sign-out. */
  claim: Claim
  /** Storage mount "ratelimit". */
  limits: Storage
  cookie: RefreshCookieOptions
  /** Public origin of the shop, accepted by the CSRF check besides the request's own origin. */
  siteUrl?: string
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean
  rateLimits: {
    /** Failed sign-ins per address and account. */
    loginPerAccount: RateLimitRule
    /** Failed sign-ins per address, whatever the account. */
    loginPerAddress: RateLimitRule
    /** Registrations per address. */
    register: RateLimitRule
  }
  rotation: {
    /** How long a rotated pair is handed to other requests that present the same old refresh token. */
    graceMs: number
    /** How long a request whose refresh the backend refused waits for a concurrent winner's pair. */
    waitMs: number
    pollMs: number
  }
  now: () => number
  /**
   * How often, at most, the instances together retry sign-outs the backend missed (deferredRevocation.ts);
   * SWEEP_EVERY_MS (10 s) when unset. NUXT_AUTH_REVOCATION_RETRY_MS, e.g. short for a test suite.
   */
  revocationRetryMs?: number
}

export const DEFAULT_RATE_LIMITS: AuthDeps['rateLimits'] = {
  loginPerAccount: { limit: 10, windowMs: 60_000 },
  loginPerAddress: { limit: 50, windowMs: 60_000 },
  register: { limit: 10, windowMs: 60_000 },
}

export const DEFAULT_ROTATION: AuthDeps['rotation'] = { graceMs: 20_000, waitMs: 2_000, pollMs: 50 }

/** Per-minute counts from runtimeConfig.authRateLimit; a missing or non-positive value keeps the default. */
export function rateLimitsPerMinute(config: Partial<Record<keyof AuthDeps['rateLimits'], unknown>> | undefined): AuthDeps['rateLimits'] {
  const pick = (key: keyof AuthDeps['rateLimits']) => {
    const value = Number(config?.[key])
    return Number.isInteger(value) && value > 0 ? { limit: value, windowMs: 60_000 } : DEFAULT_RATE_LIMITS[key]
  }
  return { loginPerAccount: pick('loginPerAccount'), loginPerAddress: pick('loginPerAddress'), register: pick('register') }
}
