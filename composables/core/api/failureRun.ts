import { CircuitState, type IBreaker } from 'cockatiel'
import { ApiError } from './ApiError'

/** The scope of a failure that says the backend is unwell as a whole, whatever was asked. */
export const WHOLE_BACKEND = '*'

/** The area of an API path: its first segment (`products`, `categories`, `cart`, `auth`, `orders`...). */
export function areaOf(path: string): string {
  return path.split(/[?#]/)[0]!.split('/').find(Boolean) ?? ''
}

/**
 * What one failure says about the backend (docs/api-core.md, "Circuit breaker"):
 * - `WHOLE_BACKEND`: a 502 (unreachable, or its application server is down) or a 503 (down, overloaded, or our
 *   server's own breaker is open). Nothing one resource does alone answers these.
 * - the path's area: a 500, a 504 or a timeout. One broken or slow resource answers these on its own while the rest
 *   of the backend is fine; a backend unwell as a whole (Django without its database) answers them in every area.
 * - undefined: nothing. A 4xx is the backend working; an abort is the caller's; and no answer at all (a network
 *   error, or a timeout while the browser says it is offline) is the shopper's connection as much as the shop.
 *   The server never sees a network error: its proxy turns an unreachable backend into a 502.
 */
export function failureScope(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined
  if (error.status === 502 || error.status === 503) return WHOLE_BACKEND
  const offline = globalThis.navigator?.onLine === false
  return error.status >= 500 || (error.code === 'timeout' && !offline) ? areaOf(path) : undefined
}

/**
 * cockatiel's breaker rule for a run of consecutive failures (any answer that proves the backend alive ends it):
 * it opens at `threshold` failures unless every one of them came from the same area. So one product that keeps
 * answering 500 (or is too slow) fails alone, while a backend failing in two areas, or saying it is down, is cut off.
 * `scopeOfLastFailure` reads the scope of the failure being recorded (cockatiel passes only the state).
 */
export class FailureRun implements IBreaker {
  private count = 0
  private areas = new Set<string>()

  constructor(private readonly threshold: number, private readonly scopeOfLastFailure: () => string | undefined) {}

  get state(): unknown {
    return { count: this.count, areas: [...this.areas] }
  }

  set state(_value: unknown) {
    // Never restored from a serialized policy: a run is only meaningful in the process that saw it.
  }

  success(): void {
    this.prime(0)
  }

  failure(state: CircuitState): boolean {
    const scope = this.scopeOfLastFailure()
    this.count++
    if (scope !== undefined) this.areas.add(scope)
    const opens = state === CircuitState.HalfOpen || (this.count >= this.threshold && (this.areas.has(WHOLE_BACKEND) || this.areas.size > 1))
    if (opens) this.prime(0)
    return opens
  }

  /**
   * Starts a run afresh: empty, or, after a half-open probe that failed in one area (it proved nothing about the
   * rest), one failure short of the threshold in that area, so the next failure elsewhere opens at once.
   */
  prime(count: number, area?: string): void {
    this.count = count
    this.areas = new Set(area === undefined ? [] : [area])
  }
}
