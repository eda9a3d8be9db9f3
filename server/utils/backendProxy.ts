import type { H3Event } from 'h3'
import { getRequestHeader, readRawBody, setResponseHeader, setResponseStatus, appendResponseHeader, getRequestURL } from 'h3'
import { randomUUID } from 'node:crypto'

/** Request headers a browser may pass through to the backend. Cookies never go: the BFF owns them. */
const FORWARDED_REQUEST_HEADERS = [
  'accept', 'accept-language', 'authorization', 'content-type', 'idempotency-key', 'if-none-match', 'if-modified-since',
  'x-cart-token', 'traceparent', 'tracestate', 'sentry-trace', 'baggage',
] as const

/** Response headers worth returning; hop-by-hop and encoding headers are dropped (fetch already decoded the body). */
const RETURNED_RESPONSE_HEADERS = [
  'content-type', 'cache-control', 'etag', 'last-modified', 'retry-after', 'vary', 'x-cart-token', 'location',
] as const

export function backendUrl(apiBase: string, pathAndQuery: string): string {
  return apiBase.replace(/\/+$/, '') + (pathAndQuery.startsWith('/') ? pathAndQuery : `/${pathAndQuery}`)
}

/** Forwards the current request to the backend and streams the answer back. */
export async function proxyToBackend(event: H3Event, apiBase: string, pathAndQuery: string): Promise<ReadableStream<Uint8Array> | null> {
  const headers = new Headers()
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = getRequestHeader(event, name)
    if (value) headers.set(name, value)
  }
  const requestId = getRequestHeader(event, 'x-request-id') ?? randomUUID()
  headers.set('x-request-id', requestId)
  const forwardedFor = getRequestHeader(event, 'x-forwarded-for')
  const clientIp = event.node?.req.socket?.remoteAddress
  if (clientIp) headers.set('x-forwarded-for', forwardedFor ? `${forwardedFor}, ${clientIp}` : clientIp)
  headers.set('x-forwarded-host', getRequestURL(event).host)

  const method = event.method
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readRawBody(event, false)

  let response: Response
  try {
    response = await fetch(backendUrl(apiBase, pathAndQuery), {
      method,
      headers,
      body: body ? body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
    })
  }
  catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
    setResponseStatus(event, timedOut ? 504 : 502)
    setResponseHeader(event, 'content-type', 'application/json')
    setResponseHeader(event, 'x-request-id', requestId)
    const detail = timedOut ? 'The backend did not answer in time.' : 'The backend is unreachable.'
    return new Response(JSON.stringify({ detail, code: timedOut ? 'upstream_timeout' : 'upstream_unreachable' })).body
  }

  setResponseStatus(event, response.status, response.statusText)
  for (const name of RETURNED_RESPONSE_HEADERS) {
    const value = response.headers.get(name)
    if (value) setResponseHeader(event, name, value)
  }
  // Several cookies must stay several headers: never join or split them on commas.
  for (const cookie of response.headers.getSetCookie()) appendResponseHeader(event, 'set-cookie', cookie)
  setResponseHeader(event, 'x-request-id', requestId)
  return response.body
}
