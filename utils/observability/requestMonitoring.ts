import type { ApiErrorContext } from '~/composables/core/api/types'
import type { MonitoringBreadcrumb } from './apiEvents'

/**
 * Monitoring for one server request, on `event.context.monitoring` while Sentry runs on the server
 * (server/plugins/monitoring.ts). The SSR side of the app reports through it (plugins/observability.server.ts),
 * so every report names the request it belongs to, with no state shared between requests.
 */
export interface RequestMonitoring {
  /** `sentry-trace` and `baggage` for a call this request makes to the backend: the incoming request's trace. */
  traceHeaders(): Record<string, string>
  /** Kept with this request and attached to an event it reports. */
  addBreadcrumb(breadcrumb: MonitoringBreadcrumb): void
  /** Reports an ApiError (see shouldReport) with this request's trace and breadcrumbs. */
  captureApiError(context: ApiErrorContext): void
  /** Reports a Nitro or SSR render error of this request; a 4xx (not found, bad input) is an outcome and is skipped. */
  captureError(error: unknown): void
}

declare module 'h3' {
  interface H3EventContext {
    monitoring?: RequestMonitoring
  }
}
