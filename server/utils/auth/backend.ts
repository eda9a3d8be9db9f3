import { backendUrl } from '../backend/sendToBackend'
import { passableRetryAfter } from '../backend/retryAfter'

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
  /** Client address chain, so the backend's own throttling and logs see the shopper, not the BFF. */
  forwardedFor?: string
  timeoutMs?: number
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * One JSON call to the backend from the BFF. Never throws: a network failure, a timeout or a body that is
 * not JSON become a DRF-shaped error body, so every route can pass failures on the same way; a failure keeps the
 * backend's Retry-After, so a throttled sign-in says how long to wait.
 */
export async function callBackend<T>(apiBase: string, path: string, call: BackendCall = {}): Promise<BackendResult<T>> {
  const headers = new Headers({ accept: 'application/json' })
  if (call.body !== undefined) headers.set('content-type', 'application/json')
  if (call.access) headers.set('authorization', `Bearer ${call.access}`)
  if (call.forwardedFor) headers.set('x-forwarded-for', call.forwardedFor)

  let response: Response
  try {
    response = await fetch(backendUrl(apiBase, path), {
      method: call.method ?? 'GET',
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      redirect: 'manual',
      signal: AbortSignal.timeout(call.timeoutMs ?? 10_000),
    })
  }
  catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
    return timedOut
      ? { ok: false, status: 504, body: { detail: 'The shop took too long to answer. Please try again.', code: 'upstream_timeout' } }
      : { ok: false, status: 502, body: { detail: 'The shop is temporarily unreachable. Please try again.', code: 'upstream_unreachable' } }
  }

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
