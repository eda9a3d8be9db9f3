import type { ApiHooks } from './types'

type HookName = keyof ApiHooks
type HookArg<K extends HookName> = Parameters<NonNullable<ApiHooks[K]>>[0]

export interface ApiHookRegistry {
  /** Subscribes a set of hooks; returns the unsubscribe function. Plugins (Sentry, tracing) call this. */
  add(hooks: ApiHooks): () => void
  /** Calls every subscriber of one hook point, in subscription order. */
  call<K extends HookName>(name: K, context: HookArg<K>): void
}

/**
 * The one place where request outcome, retries and breaker transitions are reported. A hook that throws is
 * reported to the console and skipped: observability must never break a shopper's request.
 */
export function createHookRegistry(initial?: ApiHooks): ApiHookRegistry {
  const subscribers: ApiHooks[] = initial ? [initial] : []
  return {
    add(hooks) {
      subscribers.push(hooks)
      return () => {
        const index = subscribers.indexOf(hooks)
        if (index >= 0) subscribers.splice(index, 1)
      }
    },
    call(name, context) {
      for (const hooks of [...subscribers]) {
        const hook = hooks[name] as ((arg: typeof context) => void) | undefined
        if (!hook) continue
        try {
          hook(context)
        }
        catch (error) {
          console.error(`[api] ${name} hook failed`, error)
        }
      }
    },
  }
}
