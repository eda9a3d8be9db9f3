import type { H3Event } from 'h3'
import { getRequestIP, setResponseHeader, setResponseStatus } from 'h3'
import type { BackendFailure } from './backend'
import type { AuthDeps } from './deps'
import { csrfRejection } from './csrf'

/** A DRF-shaped error answer: the storefront's error normalizer reads `detail`, `code` and field lists. */
export function fail(event: H3Event, status: number, body: Record<string, unknown>, retryAfterS?: number): Record<string, unknown> {
  setResponseStatus(event, status)
  setResponseHeader(event, 'cache-control', 'no-store')
  if (retryAfterS !== undefined) setResponseHeader(event, 'retry-after', retryAfterS)
  return body
}

/** A backend failure passed on as the backend gave it: status, body and Retry-After. */
export function failWith(event: H3Event, failure: BackendFailure): Record<string, unknown> {
  return fail(event, failure.status, failure.body, failure.retryAfterS)
}

/** The 403 for a cross-site or header-less unsafe call, or null when the request may go on. */
export function refuseCrossSite(event: H3Event, deps: AuthDeps): Record<string, unknown> | null {
  const reason = csrfRejection(event, { siteUrl: deps.siteUrl })
  return reason ? fail(event, 403, { detail: reason, code: 'csrf_failed' }) : null
}

/** The shopper's address: the socket peer, or the first X-Forwarded-For hop behind a trusted proxy. */
export function clientAddress(event: H3Event, deps: AuthDeps): string {
  return getRequestIP(event, { xForwardedFor: deps.trustProxy }) ?? 'unknown'
}

/** Auth answers carry tokens or user data: never cache them anywhere. */
export function noStore(event: H3Event): void {
  setResponseHeader(event, 'cache-control', 'no-store')
}
