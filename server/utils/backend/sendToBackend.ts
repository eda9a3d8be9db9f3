import type { H3Event } from 'h3'
import { requestIdFor } from '../requestId'
import { checkBackendPath } from '../proxy/backendPath'
import { applyContributors, type BackendCallContributor } from './contributors'
import { outgoingHeaders } from './headerPolicy'
import { MESSAGES } from '../../../composables/core/api/messages'

/** `<apiBase>/<path>` with exactly one slash between; also used by the auth BFF. */
export function backendUrl(apiBase: string, pathAndQuery: string): string {
  return apiBase.replace(/\/+$/, '') + (pathAndQuery.startsWith('/') ? pathAndQuery : `/${pathAndQuery}`)
}

export const ALLOWED_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/** Where calls go and the limits every call has, whichever way it came. */
export interface BackendTarget {
  apiBase: string
  /** An answer slower than this is given up on: 504 `upstream_timeout`. */
  timeoutMs: number
  contributors: readonly BackendCallContributor[]
  /**
   * The site's public origin (runtimeConfig.public.siteUrl): the host and scheme a shared read names to the
   * backend, whichever request triggered it (headerPolicy.ts, sharedReadHeaders).
   */
  publicOrigin?: string
}

export interface BackendRequest {
  method: string
  /** Backend path and query as asked for; checked here before anything is sent. */
  path: string
  /** Outgoing headers after the browser or render header policy (headerPolicy.ts). */
  headers: Headers
  /** The body, or a function that reads it (the proxy reads the browser's only once the call is accepted). */
  body?: BodyInit | null | (() => Promise<BodyInit | null | undefined>)
  /** The caller's abort: the browser went away (proxy) or the render's api core gave up (timeout, abort). */
  signal?: AbortSignal
  /** Which way the call came, for the contributors; an anonymous call (the server's own) has none to tell. */
  via: 'proxy' | 'render'
  /**
   * Sent as nobody (a shared public read, the server's own read: anonymousRead.ts): no contributors, and only the
   * headers headerPolicy.ts allows a read made for everybody (no client address, nothing personal).
   */
  anonymous?: boolean
}

/** A DRF-shaped JSON answer made here: what the api core reads into the same ApiError either way. */
export function jsonAnswer(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers } })
}

// A shopper reads `detail` as it is (the api core keeps a sentence that is not DRF's own), so it is written for them;
// the code tells an operator or a log what happened.
export const UPSTREAM_TIMEOUT = { detail: MESSAGES.timeout, code: 'upstream_timeout' } as const
export const UPSTREAM_UNREACHABLE = { detail: MESSAGES.circuitOpen, code: 'upstream_unreachable' } as const

/**
 * The one implementation of how a call reaches the backend, used by the /api proxy and by server renders:
 * method and path checks, the request id and forwarding headers, the per-shopper contributors, a timeout, and a
 * JSON 502/504 instead of an exception when the backend cannot answer. Only the caller's own abort is thrown, so
 * the caller can tell it from a timeout. Never sends a cookie: the headers come from headerPolicy.ts.
 */
export async function sendToBackend(event: H3Event, target: BackendTarget, request: BackendRequest): Promise<Response> {
  const method = request.method.toUpperCase()
  if (!ALLOWED_METHODS.has(method)) {
    return jsonAnswer(405, { detail: `Method "${method}" not allowed.`, code: 'method_not_allowed' }, { allow: [...ALLOWED_METHODS].join(', ') })
  }
  const checked = checkBackendPath(request.path)
  if (!checked.ok) {
    return checked.reason === 'hidden' ? jsonAnswer(404, { detail: 'Not found.', code: 'not_found' }) : jsonAnswer(400, { detail: 'Malformed API path.', code: 'bad_path' })
  }

  const headers = outgoingHeaders(request.headers, event, requestIdFor(event), request.anonymous ? { publicOrigin: target.publicOrigin } : undefined)
  const plan = request.anonymous
    ? { transforms: [] }
    : await applyContributors(target.contributors, { event, method, path: checked.path, headers, via: request.via })
  if (plan.refuse) return jsonAnswer(plan.refuse.status, plan.refuse.body)

  const body = typeof request.body === 'function' ? await request.body() : request.body
  const timeout = AbortSignal.timeout(target.timeoutMs)
  let response: Response
  try {
    response = await fetch(backendUrl(target.apiBase, checked.path), {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : body ?? undefined,
      redirect: 'manual',
      signal: request.signal ? AbortSignal.any([timeout, request.signal]) : timeout,
    })
  }
  catch (error) {
    if (request.signal?.aborted) throw error
    return timeout.aborted ? jsonAnswer(504, { ...UPSTREAM_TIMEOUT }) : jsonAnswer(502, { ...UPSTREAM_UNREACHABLE })
  }
  for (const transform of plan.transforms) response = await transform(response)
  return response
}
