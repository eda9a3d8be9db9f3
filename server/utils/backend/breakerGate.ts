import { ApiError } from '../../../composables/core/api/ApiError'
import { createCircuitBreaker, DEFAULT_BREAKER, type BreakerOptions, type CircuitBreaker } from '../../../composables/core/api/circuitBreaker'
import { MESSAGES } from '../../../composables/core/api/messages'
import { jsonAnswer } from './sendToBackend'

/** Carries a 5xx answer through the breaker as a counted failure, to be handed back unchanged. */
class UpstreamFailure extends ApiError {
  constructor(readonly response: Response) {
    super({ status: response.status, code: 'upstream_failure', message: 'The backend answered with a server error.', fieldErrors: {}, retryable: true })
  }
}

/** A render's api core stopped waiting (its per-attempt timeout): the backend was too slow, which counts. */
class CallerTimedOut extends ApiError {
  constructor(readonly original: unknown) {
    super({ status: 0, code: 'timeout', message: MESSAGES.timeout, fieldErrors: {}, retryable: true, cause: original })
  }
}

/** The process's breaker for one backend, which also knows when it will let a call through again. */
export interface BackendBreaker extends CircuitBreaker {
  /** Milliseconds until the open breaker lets the next call through (its probe); 0 when it is not open. */
  msUntilCallsPass(): number
}

/**
 * The answer while the breaker is open: no call is made. Not retried by the api core (retryPolicy.ts).
 * `Retry-After` is the breaker's remaining cool-down in whole seconds, rounded up (at least 1): DRF clients,
 * crawlers (the sitemap passes it on) and the pages' own 503s (utils/http/pageOutcome.ts) come back when a call
 * can go through, not earlier to another 503, not later than needed.
 */
export function circuitOpenAnswer(msUntilCallsPass: number): Response {
  const retryAfterS = Math.max(1, Math.ceil(msUntilCallsPass / 1000))
  return jsonAnswer(503, { detail: MESSAGES.circuitOpen, code: 'circuit_open' }, { 'retry-after': String(retryAfterS) })
}

/**
 * The process's breaker for one backend: shared by the /api proxy and every server render. cockatiel opens it at
 * `Date.now()` and lets the probe through `cooldownMs` later; the moment is noted here on the same clock (it tells
 * no one when), so fake timers move both.
 */
export function createBackendBreaker(options: Partial<BreakerOptions>, log: (line: string) => void = line => console.warn(line)): BackendBreaker {
  const cooldownMs = options.cooldownMs ?? DEFAULT_BREAKER.cooldownMs
  // Per process, like the breaker itself: when it last opened, nothing about any request.
  let openedAt: number | undefined
  const breaker = createCircuitBreaker({
    ...options,
    onStateChange: (state) => {
      openedAt = state === 'open' ? Date.now() : undefined
      log(`[backend] circuit breaker ${state}`)
    },
  })
  return {
    execute: (fn, path) => breaker.execute(fn, path),
    get state() {
      return breaker.state
    },
    msUntilCallsPass: () => (openedAt === undefined ? 0 : Math.max(0, openedAt + cooldownMs - Date.now())),
  }
}

/**
 * Sends the call to API `path` through the process-wide breaker. A 5xx answer (an unreachable backend is a 502,
 * one that did not answer in time a 504) and a render that gave up waiting are failures, counted by the breaker's
 * rule (failureRun.ts: not all from one area); any other answer proves the backend alive. While it is open the
 * caller gets 503 `circuit_open` at once, without a call. Shared public reads answered from memory never come
 * here, so they cannot make a dead backend look alive.
 */
export async function throughBreaker(breaker: BackendBreaker | undefined, path: string, send: () => Promise<Response>, callerSignal?: AbortSignal): Promise<Response> {
  if (!breaker) return send()
  try {
    return await breaker.execute(async () => {
      let response: Response
      try {
        response = await send()
      }
      catch (error) {
        const reason = callerSignal?.reason as { name?: unknown } | undefined
        if (callerSignal?.aborted && reason?.name === 'TimeoutError') throw new CallerTimedOut(error)
        throw error
      }
      if (response.status >= 500) throw new UpstreamFailure(response)
      return response
    }, path)
  }
  catch (error) {
    if (error instanceof UpstreamFailure) return error.response
    if (error instanceof CallerTimedOut) throw error.original
    if (error instanceof ApiError && error.code === 'circuit_open') return circuitOpenAnswer(breaker.msUntilCallsPass())
    throw error
  }
}
