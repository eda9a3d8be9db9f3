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
 * What a shared read may carry of the headers its caller set: it is made once for everybody (a render's shared
 * public reads, the sitemap's walk), so nothing that depends on who happened to trigger it. No cookie, no
 * Authorization, no cart token, no Accept-Language (the answer is kept for shoppers of every language), no trace
 * header of one page.
 */
const SHARED_READ_HEADERS = ['accept'] as const

function originOf(publicOrigin: string | undefined): URL | undefined {
  if (!publicOrigin) return undefined
  try {
    return new URL(publicOrigin)
  }
  catch {
    return undefined
  }
}

/**
 * The headers of a read made on behalf of everybody (anonymousRead.ts). It is the server's own call, so it carries
 * no client's address or identity: no X-Forwarded-For (the backend sees the server's own address, and a per-IP
 * throttle such as DRF's AnonRateThrottle charges the server, not the crawler or shopper who asked first), and
 * the host and scheme of the site's public origin, not of a request's Host header (a shared answer with absolute
 * URLs must not name a host one client chose); none without an origin. The request id is kept for tracing: it is
 * the id of the request that started the read, the one whose log lines it joins; requests that were then answered
 * from the same read sent nothing to the backend.
 */
function sharedReadHeaders(given: Headers, requestId: string, publicOrigin: string | undefined): Headers {
  const headers = new Headers()
  for (const name of SHARED_READ_HEADERS) {
    const value = given.get(name)
    if (value) headers.set(name, value)
  }
  headers.set('x-request-id', requestId)
  const site = originOf(publicOrigin)
  if (site) {
    headers.set('x-forwarded-host', site.host)
    headers.set('x-forwarded-proto', site.protocol.replace(':', ''))
  }
  return headers
}

/**
 * The identity headers every call made for one client carries, whichever way it came: the request id of the
 * shopper's request (so page, proxy and backend logs line up), the client address chain and the public host and
 * scheme (DRF builds absolute URLs from them). Never for a shared read: sharedReadHeaders.
 */
function addForwardingHeaders(headers: Headers, event: H3Event, requestId: string): void {
  headers.set('x-request-id', requestId)
  const forwardedFor = getRequestHeader(event, 'x-forwarded-for')
  const clientIp = event.node?.req.socket?.remoteAddress
  if (clientIp) headers.set('x-forwarded-for', forwardedFor ? `${forwardedFor}, ${clientIp}` : clientIp)
  else if (forwardedFor) headers.set('x-forwarded-for', forwardedFor)
  const url = getRequestURL(event)
  headers.set('x-forwarded-host', url.host)
  headers.set('x-forwarded-proto', url.protocol.replace(':', ''))
}

/** A read made for everybody (a shared read), and the site's public origin it is made for. */
export interface SharedRead {
  publicOrigin?: string
}

/**
 * The one place that decides what identifies a backend call: `given` (after the browser or render allow-lists
 * above) with the request id of `event`, and either that client's forwarding headers (a call made for the client
 * of `event`: the proxy's, a render's own) or, for a read made for everybody (`shared`), only what
 * sharedReadHeaders lets through.
 */
export function outgoingHeaders(given: Headers, event: H3Event, requestId: string, shared?: SharedRead): Headers {
  if (shared) return sharedReadHeaders(given, requestId, shared.publicOrigin)
  addForwardingHeaders(given, event, requestId)
  return given
}
