import type { H3Event } from 'h3'
import { appendResponseHeader, readRawBody, setResponseHeader, setResponseStatus } from 'h3'
import { requestIdFor } from './requestId'
import { rewriteLocation } from './proxy/backendPath'
import { throughBreaker, type BackendBreaker } from './backend/breakerGate'
import type { BackendCallContributor } from './backend/contributors'
import { browserHeaders, RETURNED_RESPONSE_HEADERS } from './backend/headerPolicy'
import { sendToBackend, UPSTREAM_TIMEOUT } from './backend/sendToBackend'

export interface ProxyOptions {
  /** Give up on the backend after this long and answer 504. */
  timeoutMs?: number
  /** Extra headers the BFF adds (e.g. an Authorization it derived from its own cookie). */
  headers?: Record<string, string>
  /** The process-wide breaker for this backend, shared with server renders; without one every call goes out. */
  breaker?: BackendBreaker
  /** Per-shopper policies that take part in every call (server/utils/backend/contributors.ts). */
  contributors?: readonly BackendCallContributor[]
}

/** Aborts when the shopper goes away, so a slow backend call does not outlive its reader. */
function clientGone(event: H3Event): AbortSignal | undefined {
  const res = event.node?.res
  if (!res || typeof res.once !== 'function') return undefined
  const gone = new AbortController()
  res.once('close', () => {
    if (!res.writableFinished) gone.abort()
  })
  return gone.signal
}

function answerWith(event: H3Event, response: Response, apiBase: string): ReadableStream<Uint8Array> | null {
  setResponseStatus(event, response.status, response.statusText)
  for (const name of [...RETURNED_RESPONSE_HEADERS, 'allow']) {
    const value = response.headers.get(name)
    if (value) setResponseHeader(event, name, value)
  }
  // A failure is never kept by a cache (the browser's, a CDN's), whatever the backend or a proxy before it said:
  // the next request must reach the backend again. 429 included: its Retry-After says when, not a cache.
  if (response.status >= 500 || response.status === 429) setResponseHeader(event, 'cache-control', 'no-store')
  const location = response.headers.get('location')
  if (location) setResponseHeader(event, 'location', rewriteLocation(location, apiBase))
  // Several cookies must stay several headers: never join or split them on commas.
  const cookies = response.headers.getSetCookie()
  for (const cookie of cookies) appendResponseHeader(event, 'set-cookie', cookie)
  // A response that sets a cookie belongs to one shopper: no shared cache may keep it.
  if (cookies.length > 0) setResponseHeader(event, 'cache-control', 'private, no-store')
  return response.body
}

/**
 * Forwards the current request to the backend and streams the answer back: status, body and every
 * Set-Cookie unchanged; a request id both ways; a JSON 502/504 when the backend cannot answer, a 503 while the
 * breaker is open. Headers, checks and timeouts are the shared policy in server/utils/backend/ that server
 * renders use too.
 */
export async function proxyToBackend(event: H3Event, apiBase: string, pathAndQuery: string, options: ProxyOptions = {}): Promise<ReadableStream<Uint8Array> | null> {
  setResponseHeader(event, 'x-request-id', requestIdFor(event))
  const headers = browserHeaders(event)
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value)
  const method = event.method.toUpperCase()
  const target = { apiBase, timeoutMs: options.timeoutMs ?? 8_000, contributors: options.contributors ?? [] }
  const signal = clientGone(event)
  let response: Response
  try {
    response = await throughBreaker(options.breaker, pathAndQuery, () => sendToBackend(event, target, {
      method,
      path: pathAndQuery,
      headers,
      body: async () => {
        const raw = method === 'GET' || method === 'HEAD' ? undefined : await readRawBody(event, false)
        return raw ? new Uint8Array(raw) : undefined
      },
      signal,
      via: 'proxy',
    }))
  }
  catch {
    // Only the shopper's own disconnect is thrown: nobody is left to read this.
    return answerWith(event, new Response(JSON.stringify(UPSTREAM_TIMEOUT), { status: 504, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } }), apiBase)
  }
  return answerWith(event, response, apiBase)
}
