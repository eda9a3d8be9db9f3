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
    /** Password-reset emails asked for, per address and email: each one the backend takes sends an email. */
    passwordResetPerAccount: RateLimitRule
    /** Password-reset emails asked for per address, whatever the email (many shoppers' inboxes from one sender). */
    passwordResetPerAddress: RateLimitRule
    /** New passwords sent with a reset link's uid and token, per address (guessing tokens, walking uids). */
    passwordResetConfirm: RateLimitRule
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
  // A quarter of an hour, not a minute: a per-minute limit still lets one address mail an inbox 300 times an hour.
  passwordResetPerAccount: { limit: 5, windowMs: 15 * 60_000 },
  passwordResetPerAddress: { limit: 20, windowMs: 15 * 60_000 },
  passwordResetConfirm: { limit: 10, windowMs: 15 * 60_000 },
}

export const DEFAULT_ROTATION: AuthDeps['rotation'] = { graceMs: 20_000, waitMs: 2_000, pollMs: 50 }

/**
 * Counts per window from runtimeConfig.authRateLimit; each limit keeps its own window (a minute for sign-in and
 * registration, a quarter of an hour for password resets). A missing or non-positive count keeps the default.
 */
export function rateLimitCounts(config: Partial<Record<keyof AuthDeps['rateLimits'], unknown>> | undefined): AuthDeps['rateLimits'] {
  const limits = { ...DEFAULT_RATE_LIMITS }
  for (const key of Object.keys(limits) as (keyof AuthDeps['rateLimits'])[]) {
    const value = Number(config?.[key])
    if (Number.isInteger(value) && value > 0) limits[key] = { limit: value, windowMs: DEFAULT_RATE_LIMITS[key].windowMs }
  }
  return limits
}
