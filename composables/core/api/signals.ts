/** What ended an attempt early: the caller's signal, or our own per-attempt timer. */
export type AbortCause = 'aborted' | 'timeout'

export interface AttemptSignal {
  /** Aborts when the caller aborts or the attempt times out, whichever comes first. */
  signal: AbortSignal
  /** Which of the two fired, if any. */
  cause(): AbortCause | undefined
  /** Clears the timer; call when the attempt settles. */
  dispose(): void
}

/** One signal that aborts when any of `signals` does; AbortSignal.any where it exists (Node 20, modern browsers). */
export function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals)
  const controller = new AbortController()
  const onAbort = (event: Event) => {
    controller.abort((event.target as AbortSignal).reason)
    for (const s of signals) s.removeEventListener('abort', onAbort)
  }
  for (const s of signals) {
    if (s.aborted) {
      controller.abort(s.reason)
      break
    }
    s.addEventListener('abort', onAbort)
  }
  return controller.signal
}

/**
 * ofetch 1.x ignores `timeout` when a signal is given, so the core merges both itself. The timer is a plain
 * setTimeout (not AbortSignal.timeout) so fake timers drive it in tests and the cause is known exactly.
 */
export function attemptSignal(caller: AbortSignal | undefined, timeoutMs: number): AttemptSignal {
  const timer = new AbortController()
  const handle = timeoutMs > 0 && Number.isFinite(timeoutMs)
    ? setTimeout(() => timer.abort(new DOMException('The request timed out.', 'TimeoutError')), timeoutMs)
    : undefined
  const signal = caller ? anySignal([caller, timer.signal]) : timer.signal
  return {
    signal,
    cause: () => (caller?.aborted ? 'aborted' : timer.signal.aborted ? 'timeout' : undefined),
    dispose: () => clearTimeout(handle),
  }
}

/** Waits `ms`, or rejects at once when `signal` aborts (cockatiel's own retry delay cannot be interrupted). */
export function abortableDelay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(handle)
      reject(signal?.reason)
    }
    const handle = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * Settles with `promise`, or rejects at once when `signal` aborts. Used where a library may park a caller
 * (cockatiel holds callers while the half-open probe runs); the abandoned promise's outcome is swallowed.
 */
export function raceWithSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      promise.catch(() => undefined)
      reject(signal.reason)
    }
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
