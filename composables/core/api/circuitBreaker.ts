import { BrokenCircuitError, CircuitState, circuitBreaker, handleWhen } from 'cockatiel'
import { ApiError } from './ApiError'
import { FailureRun, failureScope, WHOLE_BACKEND } from './failureRun'
import { MESSAGES } from './messages'

/** Breaker states as the rest of the app sees them (cockatiel's enum never leaves this file). */
export type BreakerState = 'closed' | 'open' | 'half_open'

export interface BreakerOptions {
  /** Consecutive backend failures that open the breaker, when not all from one area (failureRun.ts). */
  failureThreshold: number
  /** How long the breaker stays open before one probe may go through. */
  cooldownMs: number
  onStateChange?: (state: BreakerState) => void
}

export interface CircuitBreaker {
  /**
   * Runs `fn`, the call to API `path` (relative to the API root, query allowed), unless the breaker is open; then
   * it throws ApiError `circuit_open` without calling `fn`.
   */
  execute<T>(fn: () => Promise<T>, path: string): Promise<T>
  readonly state: BreakerState
}

/** No breaker of its own: for a client whose transport already has one (server renders share the server's). */
export const NO_BREAKER: CircuitBreaker = Object.freeze({
  execute: <T>(fn: () => Promise<T>) => fn(),
  state: 'closed' as const,
})

export const DEFAULT_BREAKER: Omit<BreakerOptions, 'onStateChange'> = { failureThreshold: 5, cooldownMs: 10_000 }

const STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half_open',
  [CircuitState.Isolated]: 'open',
}

export function circuitOpenError(cause?: unknown): ApiError {
  return new ApiError({
    status: 0,
    code: 'circuit_open',
    message: MESSAGES.circuitOpen,
    fieldErrors: {},
    retryable: true,
    cause,
  })
}

type Outcome<T> = { value: T } | { error: ApiError }

/** The caller's own abort: the api core's `aborted`, or fetch's AbortError (the server's proxy, a closed browser). */
function isAbort(error: unknown): boolean {
  return (error instanceof ApiError && error.code === 'aborted') || (error instanceof Error && error.name === 'AbortError')
}

/** The half-open probe was cancelled by its caller: it proved nothing, so the breaker must not close on it. */
class AbortedProbe extends Error {
  constructor(readonly abort: unknown) {
    super('probe aborted')
  }
}

/** A failure that counts, with what it says about the backend (failureRun.ts). */
class CountedFailure extends Error {
  constructor(readonly error: unknown, readonly scope: string) {
    super('backend failure')
  }
}

/** The half-open probe failed in one area only (a broken product): not a verdict on the rest of the backend. */
class InconclusiveProbe extends Error {
  constructor(readonly error: unknown) {
    super('probe inconclusive')
  }
}

/**
 * An answer that proves the backend alive (a 4xx, an unreadable 2xx) is handed to cockatiel as a success, so it
 * ends a run of failures; cockatiel alone would ignore it. Failures that say something about the backend are thrown
 * as CountedFailure (counted). Anything else (an abort, no answer in the browser) is thrown as it is and, not being
 * a handled failure, counts neither way - except an abort of the half-open probe, where cockatiel would close on it:
 * there it counts as a failure, and the next probe decides. A probe that failed in one area closes the breaker
 * primed (FailureRun.prime): a broken product that happens to be asked first must not keep the whole shop shut.
 */
async function settle<T>(fn: () => Promise<T>, path: string, probing: boolean, run: FailureRun, threshold: number): Promise<Outcome<T>> {
  try {
    return { value: await fn() }
  }
  catch (error) {
    if (probing && isAbort(error)) throw new AbortedProbe(error)
    const scope = failureScope(error, path)
    if (scope === undefined) {
      if (error instanceof ApiError && error.status > 0) return { error }
      throw error
    }
    if (!probing || scope === WHOLE_BACKEND) throw new CountedFailure(error, scope)
    run.prime(threshold - 1, scope)
    throw new InconclusiveProbe(error)
  }
}

/**
 * One breaker per backend base URL, on cockatiel with our run rule (failureRun.ts). Half-open lets exactly one
 * probe through: cockatiel parks other callers until the probe settles, then they run (closed) or fail fast (open).
 */
export function createCircuitBreaker(options: Partial<BreakerOptions> = {}): CircuitBreaker {
  const { failureThreshold, cooldownMs } = { ...DEFAULT_BREAKER, ...options }
  // cockatiel records the failure it is counting as `lastFailure` just before it asks the run about it.
  const run = new FailureRun(failureThreshold, () => {
    const last = policy.lastFailure
    return last && 'error' in last && last.error instanceof CountedFailure ? last.error.scope : undefined
  })
  const policy = circuitBreaker(handleWhen(error => error instanceof CountedFailure || error instanceof AbortedProbe), {
    halfOpenAfter: cooldownMs,
    breaker: run,
  })
  if (options.onStateChange) {
    const notify = options.onStateChange
    policy.onStateChange(state => notify(STATES[state]))
  }
  return {
    async execute<T>(fn: () => Promise<T>, path: string): Promise<T> {
      let outcome: Outcome<T>
      try {
        // Read when cockatiel calls in: a call it lets through while not closed is the half-open probe (cockatiel
        // starts it before it records the half-open state).
        outcome = await policy.execute(() => settle(fn, path, policy.state !== CircuitState.Closed, run, failureThreshold))
      }
      catch (error) {
        if (error instanceof BrokenCircuitError) throw circuitOpenError(error)
        if (error instanceof AbortedProbe) throw error.abort
        if (error instanceof CountedFailure || error instanceof InconclusiveProbe) throw error.error
        throw error
      }
      if ('error' in outcome) throw outcome.error
      return outcome.value
    },
    get state() {
      return STATES[policy.state]
    },
  }
}
