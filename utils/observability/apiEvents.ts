import type { ApiError } from '~/composables/core/api/ApiError'
import type { ApiBreakerContext, ApiErrorContext, ApiResponseContext, ApiRetryContext } from '~/composables/core/api/types'

/** A breadcrumb as both Sentry SDKs take it; built from the api core's hook contexts, never from bodies or queries. */
export interface MonitoringBreadcrumb {
  type: 'http' | 'default' | 'error'
  category: string
  level: 'info' | 'warning' | 'error'
  message?: string
  data: Record<string, string | number>
  /** Seconds since the epoch; set when a breadcrumb is replayed after the SDK loaded. */
  timestamp?: number
}

/** How one ApiError is reported: grouped per endpoint and failure, tagged with the request id. */
export interface ApiErrorReport {
  tags: Record<string, string | number>
  fingerprint: string[]
  extra: Record<string, string | number | boolean>
}

// A path segment that names one thing (an id, a slug with a number, a file, a token) rather than a collection.
const INSTANCE_SEGMENT = /\d|@|%|^[0-9a-f]{8}-|^[\w-]{24,}$/i

/**
 * The route template of a backend path: "/products/12/reviews/?page=2" -> "/products/{id}/reviews/".
 * Query values and identifying segments never reach a breadcrumb or a tag.
 */
export function routeTemplate(path: string): string {
  const [pathname = '/'] = path.split(/[?#]/, 1)
  return pathname.split('/').map(segment => (segment && INSTANCE_SEGMENT.test(segment) ? '{id}' : segment)).join('/')
}

function apiUrl(baseURL: string, path: string): string {
  return baseURL.replace(/\/+$/, '') + routeTemplate(path)
}

/** The request id of an error, or of the error it wraps (a session_expired made from a refused 401). */
export function requestIdOf(error: ApiError): string | undefined {
  let current: unknown = error
  for (let depth = 0; current && depth < 5; depth++) {
    const id = (current as { requestId?: unknown }).requestId
    if (typeof id === 'string' && id) return id
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/**
 * Failures worth an event: the backend or the proxy failing (5xx), a timeout, an unreadable 2xx. Expected
 * outcomes (4xx, a cancelled request, an open breaker, a shopper going offline) are breadcrumbs only.
 */
export function shouldReport(error: ApiError): boolean {
  return error.status >= 500 || error.code === 'timeout' || error.code === 'bad_response'
}

function levelFor(status: number): MonitoringBreadcrumb['level'] {
  return status >= 500 ? 'error' : status >= 400 ? 'warning' : 'info'
}

/** One response (any status): method, route template, status, request id, duration and attempt. */
export function responseBreadcrumb(context: ApiResponseContext): MonitoringBreadcrumb {
  const data: Record<string, string | number> = {
    method: context.method,
    url: apiUrl(context.baseURL, context.path),
    status_code: context.status,
    duration_ms: context.durationMs,
    attempt: context.attempt,
  }
  const requestId = context.headers.get('x-request-id')
  if (requestId) data.request_id = requestId
  return { type: 'http', category: 'api', level: levelFor(context.status), data }
}

export function retryBreadcrumb(context: ApiRetryContext): MonitoringBreadcrumb {
  return {
    type: 'default',
    category: 'api.retry',
    level: 'warning',
    message: `${context.method} ${routeTemplate(context.path)}: retry ${context.attempt - 1} in ${context.delayMs} ms (${context.error.code})`,
    data: { attempt: context.attempt, delay_ms: context.delayMs, code: context.error.code },
  }
}

export function breakerBreadcrumb(context: ApiBreakerContext): MonitoringBreadcrumb {
  return {
    type: 'default',
    category: 'api.breaker',
    level: context.state === 'closed' ? 'info' : 'warning',
    message: `circuit ${context.state} for ${context.baseURL}`,
    data: { state: context.state },
  }
}

/** A final failure that is not reported as an event (see shouldReport). */
export function errorBreadcrumb(context: ApiErrorContext): MonitoringBreadcrumb {
  const data: Record<string, string | number> = { method: context.method, url: apiUrl(context.baseURL, context.path), status_code: context.error.status, code: context.error.code }
  const requestId = requestIdOf(context.error)
  if (requestId) data.request_id = requestId
  return { type: 'error', category: 'api.error', level: levelFor(context.error.status || 500), data }
}

/** Tags, grouping and extra data for an ApiError event; the message and field errors stay out (they echo input). */
export function apiErrorReport(context: ApiErrorContext): ApiErrorReport {
  const { error } = context
  const route = routeTemplate(context.path)
  const tags: Record<string, string | number> = { 'api.method': context.method, 'api.route': route, 'api.status': error.status, 'api.code': error.code }
  const requestId = requestIdOf(error)
  if (requestId) tags.request_id = requestId
  return {
    tags,
    fingerprint: ['api-error', context.method, route, error.status >= 500 ? String(error.status) : error.code],
    extra: { retryable: error.retryable, ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }) },
  }
}
