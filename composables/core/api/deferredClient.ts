import { ApiError } from './ApiError'
import type { BreakerState } from './circuitBreaker'
import type { ApiClientInstance } from './createApiClient'
import type { ApiHookRegistry } from './hookRegistry'
import { MESSAGES } from './messages'
import { methodShortcuts } from './methodShortcuts'
import type { ApiClient, ApiRequestOptions } from './types'

export interface DeferredClient extends ApiClientInstance {
  /** Starts loading the transport now (the page calls this when the browser is idle); resolves when it is ready. */
  warm(): Promise<void>
}

/**
 * An ApiClient whose transport (retries, breaker, error normalization: about 6 KiB of gzip JavaScript) is loaded
 * on first use instead of with the page. A hydrating page makes no API request, so the first view does not wait
 * for that code, and warm() fetches it while the shopper reads. A transport that cannot be loaded (offline, or a
 * deploy replaced the chunk) fails that request as a network error, and the next request tries to load it again.
 */
export function createDeferredClient(options: {
  load: () => Promise<ApiClientInstance>
  hooks: ApiHookRegistry
  baseURL: string
}): DeferredClient {
  const { hooks, baseURL } = options
  let loading: Promise<ApiClientInstance> | null = null
  let loaded: ApiClientInstance | null = null

  function load(): Promise<ApiClientInstance> {
    loading ??= options.load().then(
      (client) => {
        loaded = client
        return client
      },
      (error: unknown) => {
        loading = null
        throw error
      },
    )
    return loading
  }

  async function request<T>(path: string, requestOptions: ApiRequestOptions = {}): Promise<T> {
    let client: ApiClient
    try {
      client = loaded ?? await load()
    }
    catch (cause) {
      const error = new ApiError({ status: 0, code: 'network_error', message: MESSAGES.network, fieldErrors: {}, retryable: true, cause })
      hooks.call('onError', { method: requestOptions.method ?? 'GET', path, baseURL, error })
      throw error
    }
    return client.request<T>(path, requestOptions)
  }

  return {
    ...methodShortcuts(request),
    hooks,
    get breakerState(): BreakerState {
      return loaded?.breakerState ?? 'closed'
    },
    warm: () => load().then(() => undefined, () => undefined),
  }
}
