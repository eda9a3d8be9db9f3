import { addIntegration, browserTracingIntegration } from '@sentry/vue'
import type { Router } from 'vue-router'

/**
 * Page-load and navigation traces, named by route template. Its own chunk: loaded only when
 * NUXT_PUBLIC_SENTRY_TRACES_SAMPLE_RATE > 0. API requests carry the trace through the api hook, not fetch patching.
 */
export function startBrowserTracing(router: Router): void {
  addIntegration(browserTracingIntegration({ router, routeLabel: 'path', traceFetch: false, traceXHR: false }))
}
