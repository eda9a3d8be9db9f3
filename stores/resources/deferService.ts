import { deferModule } from '~/composables/core/api/deferredModule'

/** The service's methods that return promises: all a deferred service can offer without its code. */
export type AsyncMethods<S> = {
  [K in keyof S as S[K] extends (...args: never[]) => Promise<unknown> ? K : never]: S[K]
}

export interface DeferredService<S> {
  /** The service's asynchronous methods; the first call before the code has arrived waits for it. */
  service: AsyncMethods<S>
  /** Starts loading the code now; resolves once it is there or has failed (the next call tries again). */
  warm: () => Promise<void>
}

/**
 * A service whose code (its DTO mappers: ~1-2 KiB of gzip JavaScript per store) the browser loads when the app is
 * idle after hydration or on the first call, whichever comes first, instead of with the page (issue 21). A hydrating
 * page asks the backend nothing (its answers came in the payload), so no first-view code needs the mapping; the first
 * filter change, "load more" or retry usually finds the code already there and calls it at once, as before.
 * A chunk that cannot be loaded (offline, or a deploy replaced it) fails that call as a network error, as the
 * transport would (composables/core/api/deferredClient.ts), and the next call tries again.
 */
export function deferService<S extends object>(load: () => Promise<S>): DeferredService<S> {
  const code = deferModule(load)

  const service = new Proxy({} as AsyncMethods<S>, {
    get(_target, key) {
      return (...args: unknown[]) => {
        const call = (target: S) => (Reflect.get(target, key) as (...a: unknown[]) => Promise<unknown>).apply(target, args)
        return code.current ? call(code.current) : code.get().then(call)
      }
    },
  })
  return { service, warm: () => code.get().then(() => undefined, () => undefined) }
}
