import { ApiError } from '../../../composables/core/api/ApiError'
import { createCircuitBreaker, type BreakerOptions, type CircuitBreaker } from '../../../composables/core/api/circuitBreaker'
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

/** The answer while the breaker is open: no call is made. Not retried by the api core (retryPolicy.ts). */
export function circuitOpenAnswer(): Response {
  return jsonAnswer(503, { detail: MESSAGES.circuitOpen, code: 'circuit_open' })
}

/** The process's breaker for one backend: shared by the /api proxy and every server render. */
export function createBackendBreaker(options: Partial<BreakerOptions>, log: (line: string) => void = line => console.warn(line)): CircuitBreaker {
  return createCircuitBreaker({ ...options, onStateChange: state => log(`[backend] circuit breaker ${state}`) })
}

/**
 * Sends the call to API `path` through the process-wide breaker. A 5xx answer (an unreachable backend is a 502,
 * one that did not answer in time a 504) and a render that gave up waiting are failures, counted by the breaker's
 * rule (failureRun.ts: not all from one area); any other answer proves the backend alive. While it is open the
 * caller gets 503 `circuit_open` at once, without a call. Shared public reads answered from memory never come
 * here, so they cannot make a dead backend look alive.
 */
export async function throughBreaker(breaker: CircuitBreaker | undefined, path: string, send: () => Promise<Response>, callerSignal?: AbortSignal): Promise<Response> {
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
    if (error instanceof ApiError && error.code === 'circuit_open') return circuitOpenAnswer()
    throw error
  }
}
