import type { H3Event } from 'h3'
import { throughBreaker } from '../backend/breakerGate'
import { outgoingHeaders } from '../backend/headerPolicy'
import { passableRetryAfter } from '../backend/retryAfter'
import { backendUrl, jsonAnswer, UPSTREAM_TIMEOUT, UPSTREAM_UNREACHABLE } from '../backend/sendToBackend'
import { requestIdFor } from '../requestId'
import '../backend/context'

/** A failed backend call as an auth route passes it on (respond.ts `fail`). */
export interface BackendFailure {
  status: number
  body: Record<string, unknown>
  /** The backend's Retry-After (a 429's, a 503's) in seconds; see passableRetryAfter. */
  retryAfterS?: number
}

export type BackendResult<T> =
  | { ok: true, status: number, data: T }
  | ({ ok: false } & BackendFailure)

export interface BackendCall {
  method?: 'GET' | 'POST' | 'PATCH'
  body?: unknown
  /** Access token for `Authorization: Bearer`. */
  access?: string
  /** Gives up sooner than the gateway's timeout (the sign-in's cart merge); never later. */
  timeoutMs?: number
  /**
   * A call the server makes on its own account while serving `event` (a deferred sign-out's blacklist, for a
   * shopper who is not this client): no client address or host of this request, only its request id
   * (headerPolicy.ts, sharedReadHeaders) and the site's public origin.
   */
  onOwnAccount?: { publicOrigin?: string }
}

/** Without a gateway (the auth routes alone, in tests), the limit a call has. */
const STANDALONE_TIMEOUT_MS = 10_000

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The backend's answer, or a 502/504 made here (counted by the breaker like the backend's own) when there is none. */
async function send(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) })
  }
  catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
    return timedOut ? jsonAnswer(504, UPSTREAM_TIMEOUT) : jsonAnswer(502, UPSTREAM_UNREACHABLE)
  }
}

/**
 * One JSON call to the backend from the BFF, for the client of `event`. Never throws: a network failure, a timeout
 * or a body that is not JSON become a DRF-shaped error body, so every route can pass failures on the same way; a
 * failure keeps the backend's Retry-After, so a throttled sign-in says how long to wait.
 *
 * Same rules as every other backend call: the headers come from the one policy (headerPolicy.ts: the request id,
 * the client's address chain, host and scheme; never a cookie), and with the process's gateway
 * (event.context.backend) the call goes through its breaker and timeout: refused at once with 503 `circuit_open`
 * and the cool-down left as Retry-After while it is open, and counted when the backend fails (docs/auth.md).
 */
export async function callBackend<T>(event: H3Event, apiBase: string, path: string, call: BackendCall = {}): Promise<BackendResult<T>> {
  const headers = outgoingHeaders(new Headers({ accept: 'application/json' }), event, requestIdFor(event), call.onOwnAccount)
  if (call.body !== undefined) headers.set('content-type', 'application/json')
  if (call.access) headers.set('authorization', `Bearer ${call.access}`)
  const gateway = event.context.backend
  const gatewayTimeoutMs = gateway?.timeoutMs ?? STANDALONE_TIMEOUT_MS
  const timeoutMs = Math.min(call.timeoutMs ?? gatewayTimeoutMs, gatewayTimeoutMs)
  const init: RequestInit = { method: call.method ?? 'GET', headers, body: call.body === undefined ? undefined : JSON.stringify(call.body) }
  const response = await throughBreaker(gateway?.breaker, path, () => send(backendUrl(apiBase, path), init, timeoutMs))

  const text = await response.text()
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  }
  catch {
    json = undefined
  }
  if (response.ok) {
    if (json === undefined && response.status !== 204) {
      return { ok: false, status: 502, body: { detail: 'The shop answered with something we could not read.', code: 'bad_response' } }
    }
    return { ok: true, status: response.status, data: json as T }
  }
  const body = isRecord(json) ? json : { detail: `The shop answered with an error (${response.status}).`, code: `http_${response.status}` }
  const retryAfterS = passableRetryAfter(response.headers.get('retry-after'), Date.now())
  return { ok: false, status: response.status, body, ...(retryAfterS === undefined ? {} : { retryAfterS }) }
}
