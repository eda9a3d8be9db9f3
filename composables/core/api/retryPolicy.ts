import { ExponentialBackoff, halfJitterGenerator, type IBackoff } from 'cockatiel'
import type { ApiError } from './ApiError'
import type { HttpMethod } from './types'

export interface RetryOptions {
  /** Retries after the first attempt (so at most maxRetries + 1 requests). */
  maxRetries: number
  /** First backoff; attempt n waits a random time in [base * 2^n / 2, base * 2^n). */
  baseDelayMs: number
  /** Cap for one backoff wait. */
  maxDelayMs: number
  /** The longest Retry-After we wait for; a longer one gives up at once and lets the shopper decide. */
  maxRetryAfterMs: number
  /**
   * Time from the first attempt past which no retry starts (a wait that would end after it gives up at once).
   * A server render holds the whole page, so its budget is short; unset: no limit but the retry count.
   */
  budgetMs?: number
}

export const DEFAULT_RETRY: RetryOptions = { maxRetries: 2, baseDelayMs: 300, maxDelayMs: 5_000, maxRetryAfterMs: 10_000 }

/** Methods whose repetition cannot duplicate a side effect. POST/PATCH join them only with an Idempotency-Key. */
const IDEMPOTENT_METHODS = new Set<HttpMethod>(['GET', 'HEAD', 'PUT', 'DELETE'])

export function isReplayable(method: HttpMethod, hasIdempotencyKey: boolean): boolean {
  return IDEMPOTENT_METHODS.has(method) || hasIdempotencyKey
}

/** Failures a later attempt may fix. Never a caller abort, never a fast-fail from the open breaker, never a 500. */
export function isTransientFailure(error: ApiError): boolean {
  // Also the server's breaker, which answers the browser (and renders) 503 circuit_open: retrying cannot help.
  if (error.code === 'circuit_open') return false
  if (error.status === 0) return error.code === 'network_error' || error.code === 'timeout'
  return error.status === 429 || error.status === 502 || error.status === 503 || error.status === 504
}

/** The backoff schedule of one request: cockatiel's exponential backoff with half jitter, capped. */
export interface RetrySchedule {
  /** Milliseconds to wait before the next attempt, or undefined to give up with `error`. */
  next(error: ApiError): number | undefined
}

export function createRetrySchedule(options: RetryOptions, method: HttpMethod, hasIdempotencyKey: boolean, now: () => number = Date.now): RetrySchedule {
  const factory = new ExponentialBackoff({
    generator: halfJitterGenerator,
    initialDelay: options.baseDelayMs,
    maxDelay: options.maxDelayMs,
  })
  let backoff: IBackoff<unknown> | undefined
  let retries = 0
  const replayable = isReplayable(method, hasIdempotencyKey)
  const started = now()
  const budget = options.budgetMs ?? Number.POSITIVE_INFINITY
  return {
    next(error) {
      if (!replayable || retries >= options.maxRetries || !isTransientFailure(error)) return undefined
      const retryAfter = error.retryAfterMs
      if (retryAfter !== undefined && retryAfter > options.maxRetryAfterMs) return undefined
      const nextBackoff = backoff ? backoff.next(undefined) : factory.next()
      const delay = Math.max(nextBackoff.duration, retryAfter ?? 0)
      // Out of time: the caller gets the failure now (with its Retry-After) rather than a retry it cannot wait for.
      if (now() - started + delay > budget) return undefined
      backoff = nextBackoff
      retries++
      return delay
    },
  }
}
