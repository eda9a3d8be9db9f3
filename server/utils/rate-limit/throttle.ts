import type { H3Event } from 'h3'
import { setResponseHeader } from 'h3'
import type { Storage } from 'unstorage'
import { hitRateLimit, refundRateLimit, type RateLimitRule } from './fixedWindow'

export interface ThrottleCheck {
  key: string
  rule: RateLimitRule
}

/** How long to wait, in words: seconds up to two minutes (a sign-in window), minutes beyond (a reset's quarter hour). */
function waitInWords(seconds: number): string {
  return seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`
}

/**
 * Counts one attempt against every check; the first one over its limit yields a 429 body with Retry-After,
 * in the words the auth forms show. Null means the request may go on.
 */
export async function throttle(event: H3Event, storage: Storage, checks: ThrottleCheck[], now?: () => number): Promise<Record<string, unknown> | null> {
  for (const check of checks) {
    const result = await hitRateLimit(storage, check.key, check.rule, now)
    if (!result.allowed) {
      setResponseHeader(event, 'retry-after', result.retryAfterS)
      event.node.res.statusCode = 429
      return {
        detail: `Too many attempts. Please wait ${waitInWords(result.retryAfterS)} and try again.`,
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
