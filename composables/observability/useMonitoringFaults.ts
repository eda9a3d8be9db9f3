import { createError, useRuntimeConfig } from '#app'
import { testFaultsEnabled } from '~/utils/observability/config'

export interface UseMonitoringFaultsReturn {
  /** Throws inside a Vue event handler: reaches monitoring through Vue's errorHandler. */
  throwInVueHandler: () => never
  /** Throws from a timer, outside Vue: reaches monitoring through the window "error" event. */
  throwOutsideVue: () => void
}

/**
 * Deterministic faults for the monitoring tests (tests/e2e/observability). Refused with a 404 unless the server
 * runs with NUXT_PUBLIC_SENTRY_TEST_FAULTS=1, which only those tests set; `ssr` fails the server render itself.
 */
export function useMonitoringFaults(fault: string): UseMonitoringFaultsReturn {
  if (!testFaultsEnabled(useRuntimeConfig().public.sentry) || (fault !== 'ssr' && fault !== 'browser')) {
    throw createError({ statusCode: 404, statusMessage: 'Page not found', fatal: true })
  }
  if (fault === 'ssr' && import.meta.server) throw new Error('Monitoring test fault: SSR render error')
  return {
    throwInVueHandler: () => {
      throw new Error('Monitoring test fault: Vue handler error')
    },
    throwOutsideVue: () => {
      setTimeout(() => {
        throw new Error('Monitoring test fault: uncaught error')
      })
    },
  }
}
