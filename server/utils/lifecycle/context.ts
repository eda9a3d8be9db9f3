import type { GracefulShutdown } from './gracefulShutdown'
import type { Readiness } from './readiness'

/** What the lifecycle plugin hands every request, for the probe routes. One per process. */
export interface LifecycleContext {
  readiness: Readiness
  shutdown: Pick<GracefulShutdown, 'draining'>
}

declare module 'h3' {
  interface H3EventContext {
    lifecycle?: LifecycleContext
  }
}
