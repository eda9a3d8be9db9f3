import { randomBytes } from 'node:crypto'
import type { H3Event } from 'h3'
import { getRequestHeader, getRequestHeaders, getRequestURL } from 'h3'
import * as Sentry from '@sentry/node'
import { apiErrorReport, type MonitoringBreadcrumb } from '../../../utils/observability/apiEvents'
import { sdkOptions, type MonitoringConfig } from '../../../utils/observability/config'
import type { RequestMonitoring } from '../../../utils/observability/requestMonitoring'
import { scrubBreadcrumb, scrubEvent } from '../../../utils/observability/scrub'
import { requestIdFor } from '../requestId'
import { isProbePath } from '../../../utils/routes/policy'

/** The server SDK, started by server/plugins/monitoring.ts only when a DSN is configured. */
export interface ServerMonitoring {
  /** The per-request handle put on `event.context.monitoring`. */
  forRequest(event: H3Event): RequestMonitoring
  /** A Nitro or SSR render error, with its request's trace and breadcrumbs when there is one; 4xx are skipped. */
  captureRequestError(error: unknown, event: H3Event | undefined): void
  flush(timeoutMs: number): Promise<boolean>
}

interface IncomingTrace {
  sentryTrace: string
  baggage: string | undefined
}

const SENTRY_TRACE = /^[0-9a-f]{32}-[0-9a-f]{16}(?:-[01])?$/
const MAX_BREADCRUMBS = 50

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex')
}

/** The caller's trace (the browser's, through /api), or a new one for this request: stable for the whole request. */
function incomingTrace(event: H3Event): IncomingTrace {
  const sentryTrace = getRequestHeader(event, 'sentry-trace')?.trim()
  if (sentryTrace && SENTRY_TRACE.test(sentryTrace)) return { sentryTrace, baggage: getRequestHeader(event, 'baggage') }
  return { sentryTrace: `${hex(16)}-${hex(8)}`, baggage: undefined }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown, status?: unknown } | null)?.statusCode ?? (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

interface Report {
  error: unknown
  mechanism: string
  tags?: Record<string, string | number>
  fingerprint?: string[]
  extra?: Record<string, unknown>
}

function capture(event: H3Event, trace: IncomingTrace, breadcrumbs: MonitoringBreadcrumb[], report: Report): void {
  const url = getRequestURL(event)
  Sentry.continueTrace(trace, () => Sentry.withScope((scope) => {
    scope.setTag('request_id', requestIdFor(event))
    scope.setTransactionName(`${event.method} ${url.pathname}`)
    if (report.tags) scope.setTags(report.tags)
    if (report.fingerprint) scope.setFingerprint(report.fingerprint)
    if (report.extra) scope.setExtras(report.extra)
    for (const breadcrumb of breadcrumbs) scope.addBreadcrumb(breadcrumb)
    // The request as received; beforeSend (scrubEvent) keeps the method, a scrubbed URL and a few harmless headers.
    scope.addEventProcessor(sentryEvent => ({ ...sentryEvent, request: { method: event.method, url: url.href, headers: getRequestHeaders(event) as Record<string, string> } }))
    Sentry.captureException(report.error, { mechanism: { type: report.mechanism, handled: false } })
  }))
}

export function startServerMonitoring(config: MonitoringConfig): ServerMonitoring {
  Sentry.init({
    ...sdkOptions(config),
    sendDefaultPii: false,
    // Initialized inside the running server (no --import): nothing needs module patching, so no loader hooks.
    registerEsmLoaderHooks: false,
    // Trace headers go to the backend through the api hooks and the /api proxy only, never by fetch patching.
    tracePropagationTargets: [],
    integrations: defaults => [
      // Console output and local variables can hold anything (a token in a log line, a password in a closure).
      ...defaults.filter(integration => !['Console', 'LocalVariables', 'LocalVariablesAsync', 'Http', 'NodeFetch'].includes(integration.name)),
      // Request isolation per incoming request, without reading request bodies or recording outgoing calls.
      // Probes (/healthz, /readyz every few seconds per instance) would be most of the traces and none of the interest.
      Sentry.httpIntegration({ breadcrumbs: false, maxIncomingRequestBodySize: 'none', ignoreIncomingRequests: urlPath => isProbePath(urlPath) }),
      Sentry.nativeNodeFetchIntegration({ breadcrumbs: false }),
    ],
    beforeSend: event => scrubEvent(event),
    beforeSendTransaction: event => scrubEvent(event),
    beforeBreadcrumb: breadcrumb => scrubBreadcrumb(breadcrumb),
  })

  function forRequest(event: H3Event): RequestMonitoring {
    // Read on first use: most requests (assets, cached pages) never report or call the backend.
    let incoming: IncomingTrace | undefined
    const trace = () => (incoming ??= incomingTrace(event))
    const breadcrumbs: MonitoringBreadcrumb[] = []
    return {
      traceHeaders: () => Sentry.continueTrace(trace(), () => Sentry.getTraceData()) as Record<string, string>,
      addBreadcrumb(breadcrumb) {
        breadcrumbs.push({ ...breadcrumb, timestamp: Date.now() / 1000 })
        if (breadcrumbs.length > MAX_BREADCRUMBS) breadcrumbs.shift()
      },
      captureApiError: context => capture(event, trace(), breadcrumbs, { error: context.error, mechanism: 'auto.storefront.api.ssr', ...apiErrorReport(context) }),
      captureError(error) {
        const status = statusOf(error)
        if (status === undefined || status >= 500) capture(event, trace(), breadcrumbs, { error, mechanism: 'auto.nitro' })
      },
    }
  }

  return {
    forRequest,
    captureRequestError(error, event) {
      if (event) (event.context.monitoring ?? forRequest(event)).captureError(error)
      else Sentry.captureException(error, { mechanism: { type: 'auto.nitro', handled: false } })
    },
    flush: timeoutMs => Sentry.flush(timeoutMs),
  }
}
