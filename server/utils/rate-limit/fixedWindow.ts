import type { Storage } from 'unstorage'
import { expiringStore } from '../auth/expiringStore'

export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number
  windowMs: number
}

export interface RateLimitResult {
  allowed: boolean
  /** Requests left in the current window after this one. */
  remaining: number
  /** Seconds until the window resets (for Retry-After). */
  retryAfterS: number
}

/**
 * Fixed-window counter per key, kept in Nitro storage so every instance shares it when storage is Redis.
 * unstorage has no atomic increment, so a burst that lands in the same instant may let a request or two
 * past the limit; a limit on guessing passwords tolerates that, and it never refuses below the limit.
 */
export async function hitRateLimit(storage: Storage, key: string, rule: RateLimitRule, now: () => number = Date.now): Promise<RateLimitResult> {
  const store = expiringStore<{ count: number, resetAt: number }>(storage, now)
  const current = now()
  const entry = await store.get(key)
  const window = entry && entry.resetAt > current ? entry : { count: 0, resetAt: current + rule.windowMs }
  const retryAfterS = Math.max(1, Math.ceil((window.resetAt - current) / 1000))
  if (window.count >= rule.limit) return { allowed: false, remaining: 0, retryAfterS }
  const next = { count: window.count + 1, resetAt: window.resetAt }
  await store.set(key, next, window.resetAt - current)
  return { allowed: true, remaining: rule.limit - next.count, retryAfterS }
}

/** Takes one attempt back from the current window (e.g. it turned out to be a successful sign-in). */
export async function refundRateLimit(storage: Storage, key: string, now: () => number = Date.now): Promise<void> {
  const store = expiringStore<{ count: number, resetAt: number }>(storage, now)
  const entry = await store.get(key)
  const current = now()
  if (!entry || entry.resetAt <= current || entry.count <= 0) return
  await store.set(key, { count: entry.count - 1, resetAt: entry.resetAt }, entry.resetAt - current)
}
