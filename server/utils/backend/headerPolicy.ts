import type { H3Event } from 'h3'
import { getRequestHeader, getRequestURL } from 'h3'

/**
 * Request headers a browser may pass through the /api proxy. Cookies never go: the BFF owns them. Nor does
 * X-Cart-Token: the cart contributor adds it from its httpOnly cookie (server/utils/cart/), so no script knows it.
 */
export const BROWSER_REQUEST_HEADERS = [
  'accept', 'accept-language', 'authorization', 'content-type', 'idempotency-key', 'if-none-match', 'if-modified-since',
  'traceparent', 'tracestate', 'sentry-trace', 'baggage',
] as const

/**
 * Headers a server render's own api core may not send: the core's hooks are our code, so everything else it sets
 * (trace headers included) goes to the backend, but never a cookie, never a hop-by-hop header, never an identity
 * header the policy below sets itself.
 */
const RENDER_DROPPED_HEADERS = new Set([
  'cookie', 'host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'te', 'trailer',
  'proxy-authorization', 'proxy-connection', 'forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto',
  'x-request-id', 'x-real-ip', 'x-cart-token',
])

/**
 * Response headers the proxy returns to the browser; hop-by-hop and encoding headers are dropped (fetch decoded
 * the body). X-Cart-Token never goes back: the cart token stays in the BFF's httpOnly cookie.
 */
export const RETURNED_RESPONSE_HEADERS = [
  'content-type', 'content-language', 'content-disposition', 'cache-control', 'etag', 'last-modified', 'retry-after',
  'vary', 'www-authenticate', 'idempotent-replayed',
] as const

/** The browser's allow-listed headers, for a call through the /api proxy. */
export function browserHeaders(event: H3Event): Headers {
  const headers = new Headers()
  for (const name of BROWSER_REQUEST_HEADERS) {
    const value = getRequestHeader(event, name)
    if (value) headers.set(name, value)
  }
  return headers
}

/** What a server render's api core set for one attempt, minus what only the policy may set. */
export function renderHeaders(init: HeadersInit | undefined): Headers {
  const headers = new Headers(init)
  for (const name of [...headers.keys()]) {
    if (RENDER_DROPPED_HEADERS.has(name)) headers.delete(name)
  }
  return headers
}

/**
 * The identity headers every backend call carries, whichever way it came: the request id of the shopper's
 * request (so page, proxy and backend logs line up), the client address chain and the public host and scheme
 * (DRF builds absolute URLs from them).
 */
export function addForwardingHeaders(headers: Headers, event: H3Event, requestId: string): void {
  headers.set('x-request-id', requestId)
  const forwardedFor = getRequestHeader(event, 'x-forwarded-for')
  const clientIp = event.node?.req.socket?.remoteAddress
  if (clientIp) headers.set('x-forwarded-for', forwardedFor ? `${forwardedFor}, ${clientIp}` : clientIp)
  else if (forwardedFor) headers.set('x-forwarded-for', forwardedFor)
  const url = getRequestURL(event)
  headers.set('x-forwarded-host', url.host)
  headers.set('x-forwarded-proto', url.protocol.replace(':', ''))
}
