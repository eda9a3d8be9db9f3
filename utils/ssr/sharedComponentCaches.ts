import type { App } from 'vue'

// Vue normalizes a component's props, emits and (with mixins) merged options on first use and caches them in the
// app's context. A server render builds a new app per request, so every render normalized again every component
// type it used (issue 20, docs/benchmarks.md "Fourth pass"). What is cached is a pure function of the component's
// definition and of the app's global mixins, and holds nothing of a request: Vue itself keeps the caches of mixins'
// props and emits for the whole process. Weak maps, keyed by the component definitions.

type CacheName = 'propsCache' | 'emitsCache' | 'optionsCache'
const CACHES: readonly CacheName[] = ['propsCache', 'emitsCache', 'optionsCache']
const shared: Record<CacheName, WeakMap<object, unknown>> = { propsCache: new WeakMap(), emitsCache: new WeakMap(), optionsCache: new WeakMap() }

/**
 * Gives `app` the process's caches of normalized component options, once its plugins have run. An app with global
 * mixins keeps its own (they are part of what is cached), as does a Vue whose context has no such caches.
 */
export function shareComponentCaches(app: App): boolean {
  const context = app._context as unknown as Record<string, unknown> & { mixins: unknown[] }
  if (context.mixins.length > 0 || !CACHES.every(name => context[name] instanceof WeakMap)) return false
  for (const name of CACHES) context[name] = shared[name]
  return true
}
