import type { H3Event } from 'h3'
import { setResponseHeader } from 'h3'
import type { Storage } from 'unstorage'
import { hitRateLimit, refundRateLimit, type RateLimitRule } from './fixedWindow'

export interface ThrottleCheck {
  key: string
  rule: RateLimitRule
}

/**
 * Counts one attempt against every check; the first one over its limit yields a 429 body with Retry-After,
 * in the words the sign-in form shows. Null means the request may go on.
 */
export async function throttle(event: H3Event, storage: Storage, checks: ThrottleCheck[], now?: () => number): Promise<Record<string, unknown> | null> {
  for (const check of checks) {
    const result = await hitRateLimit(storage, check.key, check.rule, now)
    if (!result.allowed) {
      setResponseHeader(event, 'retry-after', result.retryAfterS)
      event.node.res.statusCode = 429
      return {
        detail: `Too many attempts. Please wait ${result.retryAfterS} seconds and try again.`,
        code: 'throttled',
        retry_after: result.retryAfterS,
      }
    }
  }
  return null
}

/** Gives the attempts back (a successful sign-in is not an attack). */
export async function refund(storage: Storage, checks: ThrottleCheck[], now?: () => number): Promise<void> {
  for (const check of checks) await refundRateLimit(storage, check.key, now)
}
