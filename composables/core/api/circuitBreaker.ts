import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen } from 'cockatiel'
import { ApiError } from './ApiError'
import { MESSAGES } from './messages'

/** Breaker states as the rest of the app sees them (cockatiel's enum never leaves this file). */
export type BreakerState = 'closed' | 'open' | 'half_open'

export interface BreakerOptions {
  /** Consecutive backend failures (5xx, network, timeout) that open the breaker. */
  failureThreshold: number
  /** How long the breaker stays open before one probe may go through. */
  cooldownMs: number
  onStateChange?: (state: BreakerState) => void
}

export interface CircuitBreaker {
  /** Runs `fn` unless the breaker is open; then it throws ApiError `circuit_open` without calling `fn`. */
  execute<T>(fn: () => Promise<T>): Promise<T>
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

/** What says "the backend is in trouble": 5xx, no answer, or too slow. A 4xx is the backend working fine. */
export function isBackendFailure(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false
  if (error.status >= 500) return true
  return error.status === 0 && (error.code === 'network_error' || error.code === 'timeout')
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

/**
 * An answer that proves the backend alive (a 4xx, an unreadable 2xx) is handed to cockatiel as a success, so it
 * breaks a run of consecutive failures; cockatiel alone would ignore it. Backend failures are thrown (counted);
 * a caller's abort is thrown too and, not being a handled failure, counts neither way - except as the half-open
 * probe, where cockatiel closes on any unhandled error: there it counts as a failure, and the next probe decides.
 */
async function settle<T>(fn: () => Promise<T>, probing: boolean): Promise<Outcome<T>> {
  try {
    return { value: await fn() }
  }
  catch (error) {
    if (error instanceof ApiError && !isBackendFailure(error) && error.code !== 'aborted') return { error }
    if (probing && isAbort(error)) throw new AbortedProbe(error)
    throw error
  }
}

/**
 * One breaker per backend base URL, on cockatiel's consecutive-failure breaker. Half-open lets exactly one
 * probe through: cockatiel parks other callers until the probe settles, then they run (closed) or fail fast (open).
 */
export function createCircuitBreaker(options: Partial<BreakerOptions> = {}): CircuitBreaker {
  const { failureThreshold, cooldownMs } = { ...DEFAULT_BREAKER, ...options }
  const policy = circuitBreaker(handleWhen(error => isBackendFailure(error) || error instanceof AbortedProbe), {
    halfOpenAfter: cooldownMs,
    breaker: new ConsecutiveBreaker(failureThreshold),
  })
  if (options.onStateChange) {
    const notify = options.onStateChange
    policy.onStateChange(state => notify(STATES[state]))
  }
  return {
    async execute<T>(fn: () => Promise<T>): Promise<T> {
      let outcome: Outcome<T>
      try {
        // Read when cockatiel calls in: a call it lets through while not closed is the half-open probe (cockatiel
        // starts it before it records the half-open state).
        outcome = await policy.execute(() => settle(fn, policy.state !== CircuitState.Closed))
      }
      catch (error) {
        if (error instanceof BrokenCircuitError) throw circuitOpenError(error)
        if (error instanceof AbortedProbe) throw error.abort
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
