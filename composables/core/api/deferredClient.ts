import type { ApiError } from './ApiError'
import type { BreakerState } from './circuitBreaker'
import type { ApiClientInstance } from './createApiClient'
import type { ApiHookRegistry } from './hookRegistry'
import { deferModule } from './deferredModule'
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
  const transport = deferModule(options.load)

  async function request<T>(path: string, requestOptions: ApiRequestOptions = {}): Promise<T> {
    let client: ApiClient
    try {
      client = transport.current ?? await transport.get()
    }
    catch (error) {
      // deferModule rejects with a network ApiError only.
      hooks.call('onError', { method: requestOptions.method ?? 'GET', path, baseURL, error: error as ApiError })
      throw error
    }
    return client.request<T>(path, requestOptions)
  }

  return {
    ...methodShortcuts(request),
    hooks,
    get breakerState(): BreakerState {
      return transport.current?.breakerState ?? 'closed'
    },
    warm: () => transport.get().then(() => undefined, () => undefined),
  }
}
