import { randomUUID } from 'node:crypto'
import type { H3Event } from 'h3'
import { getRequestHeader } from 'h3'

declare module 'h3' {
  interface H3EventContext {
    /** One id per incoming request, echoed in `x-request-id` and forwarded to the backend. */
    requestId?: string
  }
}

// An upstream id is reused only when it is short and plain: it ends up in logs and headers.
const TRUSTED_ID = /^[\w.:-]{1,128}$/

/** The request's id: the caller's `x-request-id` when well-formed, a fresh UUID otherwise; stable per event. */
export function requestIdFor(event: H3Event): string {
  if (event.context.requestId) return event.context.requestId
  const incoming = getRequestHeader(event, 'x-request-id')
  const id = incoming && TRUSTED_ID.test(incoming) ? incoming : randomUUID()
  event.context.requestId = id
  return id
}

/**
 * The headers of an in-process sub-request made for `event` (event.fetch: a render's refresh through the BFF), with
 * `event`'s id, so the sub-request, its backend calls and its log lines keep the page's id, also one this server
 * gave it, which no incoming header carries (h3 passes the page's own headers on, not its context). A plain record:
 * h3's fetchWithEvent spreads it over the page's headers, and a Headers instance would spread to nothing.
 */
export function subRequestHeaders(event: H3Event, given: HeadersInit | undefined): Record<string, string> {
  const headers = new Headers(given)
  headers.set('x-request-id', requestIdFor(event))
  return Object.fromEntries(headers)
}
