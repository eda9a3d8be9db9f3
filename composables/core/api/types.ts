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
  /** Send the access token (default true). The refresh call itself sets false. */
  auth?: boolean
}

/** The one transport the services call. Paths are backend paths ("/products/"), relative to /api. */
export interface ApiClient {
  request<T>(path: string, options?: ApiRequestOptions): Promise<T>
  get<T>(path: string, query?: QueryParams, options?: Omit<ApiRequestOptions, 'method' | 'query'>): Promise<T>
  post<T>(path: string, body?: unknown, options?: Omit<ApiRequestOptions, 'method' | 'body'>): Promise<T>
  patch<T>(path: string, body?: unknown, options?: Omit<ApiRequestOptions, 'method' | 'body'>): Promise<T>
  delete<T>(path: string, options?: Omit<ApiRequestOptions, 'method'>): Promise<T>
}
