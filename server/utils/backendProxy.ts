import type { H3Event } from 'h3'
import { appendResponseHeader, getRequestHeader, getRequestURL, readRawBody, setResponseHeader, setResponseStatus } from 'h3'
import { requestIdFor } from './requestId'
import { checkBackendPath, rewriteLocation } from './proxy/backendPath'

/** `<apiBase>/<path>` with exactly one slash between; also used by the auth BFF. */
export function backendUrl(apiBase: string, pathAndQuery: string): string {
  return apiBase.replace(/\/+$/, '') + (pathAndQuery.startsWith('/') ? pathAndQuery : `/${pathAndQuery}`)
}

/**
 * Request headers a browser may pass through to the backend. Cookies never go: the BFF owns them. Nor does
 * X-Cart-Token: the BFF adds it from its httpOnly cookie (server/utils/cart/tokenPolicy.ts).
 */
const FORWARDED_REQUEST_HEADERS = [
  'accept', 'accept-language', 'authorization', 'content-type', 'idempotency-key', 'if-none-match', 'if-modified-since',
  'traceparent', 'tracestate', 'sentry-trace', 'baggage',
] as const

/**
 * Response headers worth returning; hop-by-hop and encoding headers are dropped (fetch already decoded the body).
 * X-Cart-Token never goes back: the cart token stays in the BFF's httpOnly cookie.
 */
const RETURNED_RESPONSE_HEADERS = [
  'content-type', 'content-language', 'content-disposition', 'cache-control', 'etag', 'last-modified', 'retry-after',
  'vary', 'www-authenticate', 'idempotent-replayed',
] as const

const ALLOWED_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

export interface ProxyOptions {
  /** Give up on the backend after this long and answer 504. */
  timeoutMs?: number
  /** Extra headers the BFF adds (e.g. an Authorization it derived from its own cookie). */
  headers?: Record<string, string>
  /** Rewrites the backend's answer before it is returned (e.g. the cart token policy: cookies set, token removed). */
  transformResponse?: (response: Response) => Promise<Response>
}

function errorBody(event: H3Event, status: number, detail: string, code: string): ReadableStream<Uint8Array> | null {
  setResponseStatus(event, status)
  setResponseHeader(event, 'content-type', 'application/json')
  setResponseHeader(event, 'cache-control', 'no-store')
  return new Response(JSON.stringify({ detail, code })).body
}

function forwardedHeaders(event: H3Event, requestId: string, extra: Record<string, string> | undefined): Headers {
  const headers = new Headers()
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = getRequestHeader(event, name)
    if (value) headers.set(name, value)
  }
  for (const [name, value] of Object.entries(extra ?? {})) headers.set(name, value)
  headers.set('x-request-id', requestId)
  const forwardedFor = getRequestHeader(event, 'x-forwarded-for')
  const clientIp = event.node?.req.socket?.remoteAddress
  if (clientIp) headers.set('x-forwarded-for', forwardedFor ? `${forwardedFor}, ${clientIp}` : clientIp)
  const url = getRequestURL(event)
  headers.set('x-forwarded-host', url.host)
  headers.set('x-forwarded-proto', url.protocol.replace(':', ''))
  return headers
}

/** Aborts on timeout and when the shopper goes away, so a slow backend call does not outlive its reader. */
function upstreamSignal(event: H3Event, timeoutMs: number): AbortSignal {
  const signals = [AbortSignal.timeout(timeoutMs)]
  const res = event.node?.res
  if (res && typeof res.once === 'function') {
    const gone = new AbortController()
    res.once('close', () => {
      if (!res.writableFinished) gone.abort()
    })
    signals.push(gone.signal)
  }
  return AbortSignal.any(signals)
}

/**
 * Forwards the current request to the backend and streams the answer back: status, body and every
 * Set-Cookie unchanged; a request id both ways; a JSON 502/504 when the backend cannot answer.
 */
export async function proxyToBackend(event: H3Event, apiBase: string, pathAndQuery: string, options: ProxyOptions = {}): Promise<ReadableStream<Uint8Array> | null> {
  const requestId = requestIdFor(event)
  setResponseHeader(event, 'x-request-id', requestId)

  const method = event.method.toUpperCase()
  if (!ALLOWED_METHODS.has(method)) {
    setResponseHeader(event, 'allow', [...ALLOWED_METHODS].join(', '))
    return errorBody(event, 405, `Method "${method}" not allowed.`, 'method_not_allowed')
  }
  const checked = checkBackendPath(pathAndQuery)
  if (!checked.ok) {
    return checked.reason === 'hidden'
      ? errorBody(event, 404, 'Not found.', 'not_found')
      : errorBody(event, 400, 'Malformed API path.', 'bad_path')
  }

  const body = method === 'GET' || method === 'HEAD' ? undefined : await readRawBody(event, false)
  let response: Response
  try {
    response = await fetch(backendUrl(apiBase, checked.path), {
      method,
      headers: forwardedHeaders(event, requestId, options.headers),
      body: body ? new Uint8Array(body) : undefined,
      redirect: 'manual',
      signal: upstreamSignal(event, options.timeoutMs ?? 15_000),
    })
  }
  catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
    return timedOut
      ? errorBody(event, 504, 'The backend did not answer in time.', 'upstream_timeout')
      : errorBody(event, 502, 'The backend is unreachable.', 'upstream_unreachable')
  }
  if (options.transformResponse) response = await options.transformResponse(response)

  setResponseStatus(event, response.status, response.statusText)
  for (const name of RETURNED_RESPONSE_HEADERS) {
    const value = response.headers.get(name)
    if (value) setResponseHeader(event, name, value)
  }
  const location = response.headers.get('location')
  if (location) setResponseHeader(event, 'location', rewriteLocation(location, apiBase))
  // Several cookies must stay several headers: never join or split them on commas.
  const cookies = response.headers.getSetCookie()
  for (const cookie of cookies) appendResponseHeader(event, 'set-cookie', cookie)
  // A response that sets a cookie belongs to one shopper: no shared cache may keep it.
  if (cookies.length > 0) setResponseHeader(event, 'cache-control', 'private, no-store')
  return response.body
}
