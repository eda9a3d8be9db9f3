import { defineNuxtPlugin, useNuxtApp, useRequestEvent } from '#app'
import { breakerBreadcrumb, errorBreadcrumb, responseBreadcrumb, retryBreadcrumb, shouldReport } from '~/utils/observability/apiEvents'

/**
 * Error monitoring for the server render: API calls carry the incoming request's trace to the backend, their
 * outcomes become this request's breadcrumbs, and an ApiError worth it is reported once, with the request id.
 * Only when server/plugins/monitoring.ts put `monitoring` on the request (a DSN is set). docs/observability.md.
 */
export default defineNuxtPlugin({
  name: 'observability',
  dependsOn: ['api'],
  setup() {
    const monitoring = useRequestEvent()?.context.monitoring
    if (!monitoring) return
    useNuxtApp().$api.hooks.add({
      onRequest: ({ headers }) => void Object.assign(headers, monitoring.traceHeaders()),
      onResponse: context => monitoring.addBreadcrumb(responseBreadcrumb(context)),
      onRetry: context => monitoring.addBreadcrumb(retryBreadcrumb(context)),
      onBreakerStateChange: context => monitoring.addBreadcrumb(breakerBreadcrumb(context)),
      onError: context => (shouldReport(context.error) ? monitoring.captureApiError(context) : monitoring.addBreadcrumb(errorBreadcrumb(context))),
    })
  },
})
