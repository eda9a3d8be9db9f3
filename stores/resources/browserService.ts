import { onNuxtReady } from '#app'
import { deferService, type AsyncMethods } from './deferService'

/**
 * A store's service in the browser: deferService, warmed once the app is idle after hydration. The store builds it
 * directly on the server, where a render needs it at once and ships nothing, keeping the branch at the call site
 * (`import.meta.client ? browserService(() => import(...)) : service(api)`) so the browser's build drops the static
 * import.
 */
export function browserService<S extends object>(load: () => Promise<S>): AsyncMethods<S> {
  const deferred = deferService(load)
  onNuxtReady(() => void deferred.warm())
  return deferred.service
}
