import type { $Fetch, FetchResponse } from 'ofetch'
import { ApiError } from './ApiError'
import { createCircuitBreaker, DEFAULT_BREAKER, NO_BREAKER, type BreakerOptions, type BreakerState } from './circuitBreaker'
import { createHookRegistry, type ApiHookRegistry } from './hookRegistry'
import { methodShortcuts } from './methodShortcuts'
import { abortError, badResponseError, normalizeError } from './normalizeError'
import { createRetrySchedule, DEFAULT_RETRY, type RetryOptions } from './retryPolicy'
import type { ApiSession } from './session'
import { abortableDelay, attemptSignal, raceWithSignal } from './signals'
import type { ApiClient, ApiHooks, ApiRequestOptions, HttpMethod, QueryParams } from './types'

export interface ApiClientConfig {
  /** The fetch to use: the browser's $fetch, or the request-bound one during SSR. */
  fetch: $Fetch
  /** Where the backend is reached, "/api" (the Nitro proxy). One client, one base URL, one breaker. */
  baseURL: string
  /** Default per-attempt timeout in ms. */
  timeoutMs?: number
  retry?: Partial<RetryOptions>
  /**
   * Breaker settings, or false for none of its own: server renders send through the Nitro server's breaker, one per
   * backend per process, shared with the /api proxy (server/utils/backend/breakerGate.ts).
   */
  breaker?: Partial<Omit<BreakerOptions, 'onStateChange'>> | false
  /** Access token and refresh; without it requests go out anonymous and a 401 is final. */
  session?: ApiSession
  /** Hooks subscribed from the start; more can be added with `client.hooks.add`. */
  hooks?: ApiHooks
  /** A registry made by the caller (createApiCore), used instead of a new one; `hooks` is then ignored. */
  registry?: ApiHookRegistry
}

/** The client plus what only plugins need: hook subscription and the breaker state. */
export interface ApiClientInstance extends ApiClient {
  readonly hooks: ApiHookRegistry
  readonly breakerState: BreakerState
}

interface PreparedRequest {
  path: string
  method: HttpMethod
  query: Record<string, string | string[]> | undefined
  body: unknown
  headers: Record<string, string>
  signal: AbortSignal | undefined
  timeoutMs: number
  idempotent: boolean
  auth: boolean
  maxRetries: number
  keepalive: boolean
  onSent: (() => void) | undefined
}

export const DEFAULT_TIMEOUT_MS = 10_000

function toSearchParams(query: QueryParams | undefined): Record<string, string | string[]> | undefined {
  if (!query) return undefined
  const out: Record<string, string | string[]> = {}
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    out[key] = Array.isArray(value) ? value.map(String) : String(value)
  }
  return out
}

function sessionExpiredError(cause: ApiError): ApiError {
  return new ApiError({ status: 401, code: 'session_expired', message: 'Your session has ended. Please sign in again.', fieldErrors: {}, retryable: false, cause })
}

/** Bodies come as text and are parsed here, so an HTML or truncated 2xx becomes an ApiError instead of a string. */
function parseSuccess<T>(text: string, status: number): T {
  if (!text.trim()) return undefined as T
  try {
    return JSON.parse(text) as T
  }
  catch (error) {
    throw badResponseError(status, error)
  }
}

/**
 * Builds the transport: auth (token + one refresh and replay on 401) around retries (backoff, Retry-After)
 * around the circuit breaker around one attempt (timeout merged with the caller's signal).
 */
export function createApiClient(config: ApiClientConfig): ApiClientInstance {
  const { fetch, baseURL, session } = config
  const retryOptions: RetryOptions = { ...DEFAULT_RETRY, ...config.retry }
  const hooks = config.registry ?? createHookRegistry(config.hooks)
  const breaker = config.breaker === false
    ? NO_BREAKER
    : createCircuitBreaker({
        ...DEFAULT_BREAKER,
        ...config.breaker,
        onStateChange: state => hooks.call('onBreakerStateChange', { baseURL, state }),
      })

  function prepare(path: string, options: ApiRequestOptions): PreparedRequest {
    const headers: Record<string, string> = { ...options.headers }
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey
    return {
      path,
      method: options.method ?? 'GET',
      query: toSearchParams(options.query),
      body: options.body,
      headers,
      signal: options.signal,
      timeoutMs: options.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      idempotent: Object.keys(headers).some(name => name.toLowerCase() === 'idempotency-key'),
      auth: options.auth !== false,
      maxRetries: Math.max(0, Math.min(options.maxRetries ?? retryOptions.maxRetries, retryOptions.maxRetries)),
      keepalive: options.keepalive === true,
      onSent: options.onSent,
    }
  }

  async function attempt<T>(req: PreparedRequest, token: string | null, attemptNo: number): Promise<T> {
    if (req.signal?.aborted) throw abortError('aborted', req.signal.reason)
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers }
    if (token) headers.authorization = `Bearer ${token}`
    const base = { method: req.method, path: req.path, baseURL, attempt: attemptNo }
    hooks.call('onRequest', { ...base, headers })
    const signal = attemptSignal(req.signal, req.timeoutMs)
    const started = Date.now()
    let response: FetchResponse<unknown> | undefined
    try {
      const text = await fetch<string, 'text'>(req.path, {
        baseURL,
        method: req.method,
        query: req.query,
        body: req.body as BodyInit | Record<string, unknown> | null | undefined,
        headers,
        signal: signal.signal,
        ...(req.keepalive ? { keepalive: true } : {}),
        // ofetch's last step before the browser's fetch: only synchronous work (URL, body) and awaits of settled
        // promises come between, so no event of the page (pagehide) runs in between.
        ...(req.onSent ? { onRequest: req.onSent } : {}),
        responseType: 'text',
        retry: 0,
        onResponse: (context) => {
          response = context.response
        },
      })
      return parseSuccess<T>(text ?? '', response?.status ?? 200)
    }
    catch (error) {
      throw normalizeError(error, signal.cause())
    }
    finally {
      signal.dispose()
      if (response) hooks.call('onResponse', { ...base, status: response.status, durationMs: Date.now() - started, headers: response.headers })
    }
  }

  /** Retries (with backoff and Retry-After) around the breaker; an abort ends the wait at once. */
  async function withRetries<T>(req: PreparedRequest, token: string | null): Promise<T> {
    const schedule = createRetrySchedule({ ...retryOptions, maxRetries: req.maxRetries }, req.method, req.idempotent)
    for (let attemptNo = 1; ; attemptNo++) {
      try {
        return await raceWithSignal(breaker.execute(() => attempt<T>(req, token, attemptNo), req.path), req.signal)
      }
      catch (raw) {
        const error = normalizeError(raw, req.signal?.aborted ? 'aborted' : undefined)
        const delayMs = schedule.next(error)
        if (delayMs === undefined) throw error
        hooks.call('onRetry', { method: req.method, path: req.path, attempt: attemptNo + 1, delayMs, error })
        try {
          await abortableDelay(delayMs, req.signal)
        }
        catch (reason) {
          throw abortError('aborted', reason)
        }
      }
    }
  }

  /**
   * A 401 the session may fix: the token sent was refused (expired; SimpleJWT says `token_not_valid`, other
   * authentication classes say nothing machine-readable), or none was sent yet, as on a fresh page load (DRF's
   * "credentials were not provided" carries no code at all). The status decides; a body's code never does.
   */
  function canRefresh(error: ApiError): boolean {
    return !!session && error.status === 401 && session.getStatus() !== 'signed_out'
  }

  /**
   * Sends with the current token; on a refreshable 401, refreshes once (shared with every other caller) and
   * replays once. When the session has ended, a request that carried a token is replayed once without it:
   * DRF rejects a dead token even on public endpoints, and the catalog must keep working for the now-guest.
   */
  async function withAuth<T>(req: PreparedRequest): Promise<T> {
    const tokenUsed = req.auth ? session?.getAccessToken() ?? null : null
    try {
      return await withRetries<T>(req, tokenUsed)
    }
    catch (raw) {
      const error = normalizeError(raw)
      if (!req.auth || !session) throw error
      // Sent with a token while the session was alive, answered after it ended (the refresh was refused meanwhile).
      if (error.status === 401 && tokenUsed !== null && session.getStatus() === 'signed_out') return replayAsGuest<T>(req, error)
      if (!canRefresh(error)) throw error
      // Another request may have refreshed while this one was in flight: then its token is simply used.
      const current = session.getAccessToken()
      const token = current && current !== tokenUsed ? current : await session.refresh()
      if (token) return await withRetries<T>(req, token)
      if (tokenUsed === null) throw sessionExpiredError(error)
      return replayAsGuest<T>(req, error)
    }
  }

  /** Once, without a token: a guest may read what a dead token was refused for; a second 401 means it needs one. */
  async function replayAsGuest<T>(req: PreparedRequest, error: ApiError): Promise<T> {
    try {
      return await withRetries<T>(req, null)
    }
    catch (replayRaw) {
      const replayError = normalizeError(replayRaw)
      throw replayError.status === 401 ? sessionExpiredError(error) : replayError
    }
  }

  async function request<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
    const req = prepare(path, options)
    try {
      return await withAuth<T>(req)
    }
    catch (raw) {
      const error = normalizeError(raw)
      hooks.call('onError', { method: req.method, path, baseURL, error })
      throw error
    }
  }

  return {
    ...methodShortcuts(request),
    hooks,
    get breakerState() {
      return breaker.state
    },
  }
}
