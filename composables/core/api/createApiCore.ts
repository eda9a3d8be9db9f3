import { createHookRegistry } from './hookRegistry'
import type { ApiClientConfig } from './createApiClient'
import { createDeferredClient, type DeferredClient } from './deferredClient'
import { createSession, type ApiSession, type LockManagerLike } from './session'

export interface ApiCoreConfig extends Omit<ApiClientConfig, 'session' | 'registry'> {
  /** Cross-tab lock for the refresh; defaults to navigator.locks (absent on the server). */
  locks?: LockManagerLike | null
  /** Loads the transport; defaults to the dynamic import. Tests hand in the module itself. */
  loadTransport?: () => Promise<Transport>
}

export type Transport = typeof import('./transport')

export interface ApiCore {
  api: DeferredClient
  session: ApiSession
}

/**
 * Wires one session, one hook registry and one client together: what plugins/api.ts provides per Nuxt app
 * (per SSR request). The session and hooks exist from the start (plugins subscribe, login sets the token); the
 * transport behind the client is loaded on the first request or warm().
 */
export function createApiCore(config: ApiCoreConfig): ApiCore {
  const { locks, hooks: initialHooks, loadTransport, ...clientConfig } = config
  const hooks = createHookRegistry(initialHooks)
  const load = loadTransport ?? (() => import('./transport'))
  // One load shared by the client and the refresh; a failed one is forgotten so the next call tries again.
  let loading: Promise<Transport> | null = null
  const transport = () => (loading ??= load().catch((error: unknown) => {
    loading = null
    throw error
  }))
  const session = createSession({ refreshAccessToken: async () => (await transport()).refreshViaBff(api), locks })
  const api = createDeferredClient({
    hooks,
    baseURL: config.baseURL,
    load: async () => (await transport()).createApiClient({ ...clientConfig, session, registry: hooks }),
  })
  return { api, session }
}
