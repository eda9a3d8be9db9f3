import type { ApiError } from './ApiError'
import type { BreakerState } from './circuitBreaker'

/** HTTP methods the storefront uses against the backend. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** A query value as services build it; undefined/null entries are dropped, arrays repeat the key. */
export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>
export type QueryParams = Record<string, QueryValue>

/** Everything a service may say about one request. Transport policy (retries, breaker, auth) stays in the core. */
export interface ApiRequestOptions {
  method?: HttpMethod
  query?: QueryParams
  body?: unknown
  headers?: Record<string, string>
  /** Caller's cancellation; composes with the timeout. */
  signal?: AbortSignal
  /** Per-request timeout in ms; the core has a default. */
  timeoutMs?: number
  /** Makes POST/PATCH retryable and lets the backend de-duplicate the side effect. */
  idempotencyKey?: string
  /**
   * At most this many automatic retries for this request (never more than the client's own maximum). 0 when the
   * caller runs its own retries, e.g. placing an order: it looks for the order a lost answer may have made before
   * sending again. A refreshable 401 is still refreshed and replayed once (the backend refused it unprocessed).
   */
  maxRetries?: number
  /** Send the access token (default true). The refresh call itself sets false. */
  auth?: boolean
  /**
   * Let the request outlive the page (fetch `keepalive`): a full page load while it is on its way does not cancel
   * it, so the change is made and its answer's cookies still land (a guest's first cart write, whose answer names
   * the cart). For small writes only: browsers cap such bodies at 64 KiB.
   */
  keepalive?: boolean
  /**
   * Called each time an attempt of this request is handed to the browser's fetch (a retry or a replay after a token
   * refresh calls it again), and never for one that did not leave: aborted first, refused by the breaker, or still
   * waiting (for a token, a retry's delay, the transport's code) when the page went away. With `keepalive`, a request
   * it was called for reaches the backend even if the page is left right after.
   */
  onSent?: () => void
}

/** The one transport the services call. Paths are backend paths ("/products/"), relative to /api. */
export interface ApiClient {
  request<T>(path: string, options?: ApiRequestOptions): Promise<T>
  get<T>(path: string, query?: QueryParams, options?: Omit<ApiRequestOptions, 'method' | 'query'>): Promise<T>
  post<T>(path: string, body?: unknown, options?: Omit<ApiRequestOptions, 'method' | 'body'>): Promise<T>
  patch<T>(path: string, body?: unknown, options?: Omit<ApiRequestOptions, 'method' | 'body'>): Promise<T>
  delete<T>(path: string, options?: Omit<ApiRequestOptions, 'method'>): Promise<T>
}

/** One attempt about to go out. `headers` may be changed here: the one place to add trace headers. */
export interface ApiRequestContext {
  method: HttpMethod
  /** Backend path as the service gave it ("/products/"). */
  path: string
  baseURL: string
  /** 1 for the first try, 2 for the first retry, ... (a replay after a token refresh starts again at 1). */
  attempt: number
  headers: Record<string, string>
}

/** A response arrived (any status). */
export interface ApiResponseContext {
  method: HttpMethod
  path: string
  baseURL: string
  attempt: number
  status: number
  durationMs: number
  /** The raw response headers (e.g. Set-Cookie during SSR). */
  headers: Headers
}

export interface ApiRetryContext {
  method: HttpMethod
  path: string
  /** The attempt that is about to be made. */
  attempt: number
  delayMs: number
  error: ApiError
}

export interface ApiBreakerContext {
  baseURL: string
  state: BreakerState
}

/** The request finally failed (after retries and refresh): the one error the caller receives. */
export interface ApiErrorContext {
  method: HttpMethod
  path: string
  baseURL: string
  error: ApiError
}

/**
 * A flow built on API calls (placing an order) ended in a state monitoring should hear about although no single
 * request failed: an order that could not be confirmed, a key conflict. Names and tags only: never a body, a
 * form value or anything about the shopper.
 */
export interface ApiReportContext {
  /** What happened, e.g. "checkout.unconfirmed": events are grouped by it. */
  event: string
  tags: Record<string, string | number>
}

/** Context for every later event (e.g. `checkout.step`); null removes a tag. */
export interface ApiTagsContext {
  tags: Record<string, string | null>
}

/** Observability hook points. Every member is optional; a throwing hook is ignored, never breaks a request. */
export interface ApiHooks {
  onRequest?: (context: ApiRequestContext) => void
  onResponse?: (context: ApiResponseContext) => void
  onRetry?: (context: ApiRetryContext) => void
  onBreakerStateChange?: (context: ApiBreakerContext) => void
  onError?: (context: ApiErrorContext) => void
  /** Called by features (not the transport): see ApiReportContext. */
  onReport?: (context: ApiReportContext) => void
  /** Called by features (not the transport): see ApiTagsContext. */
  onTags?: (context: ApiTagsContext) => void
}
