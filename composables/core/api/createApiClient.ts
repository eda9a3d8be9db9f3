import type { $Fetch } from 'ofetch'
import { normalizeError } from './normalizeError'
import type { ApiClient, ApiRequestOptions, QueryParams } from './types'

export interface ApiClientConfig {
  /** The fetch to use: the browser's $fetch, or the request-bound one during SSR. */
  fetch: $Fetch
  /** Where the Nitro proxy lives, "/api". */
  baseURL: string
  /** Default per-request timeout in ms. */
  timeoutMs?: number
}

function toSearchParams(query: QueryParams | undefined): Record<string, string | string[]> | undefined {
  if (!query) return undefined
  const out: Record<string, string | string[]> = {}
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    out[key] = Array.isArray(value) ? value.map(String) : String(value)
  }
  return out
}

/** Builds the transport. Everything transport-level (errors, timeouts, ...) lives here and nowhere above. */
export function createApiClient(config: ApiClientConfig): ApiClient {
  const defaultTimeout = config.timeoutMs ?? 10_000

  async function request<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey
    try {
      return await config.fetch<T>(path, {
        baseURL: config.baseURL,
        method: options.method ?? 'GET',
        query: toSearchParams(options.query),
        body: options.body as Record<string, unknown> | undefined,
        headers,
        signal: options.signal,
        timeout: options.signal ? undefined : options.timeoutMs ?? defaultTimeout,
        retry: 0,
      })
    }
    catch (error) {
      throw normalizeError(error)
    }
  }

  return {
    request,
    get: (path, query, options) => request(path, { ...options, method: 'GET', query }),
    post: (path, body, options) => request(path, { ...options, method: 'POST', body }),
    patch: (path, body, options) => request(path, { ...options, method: 'PATCH', body }),
    delete: (path, options) => request(path, { ...options, method: 'DELETE' }),
  }
}
