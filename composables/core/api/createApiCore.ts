import type { ApiClient } from './types'
import { createApiClient, type ApiClientConfig, type ApiClientInstance } from './createApiClient'
import { badResponseError } from './normalizeError'
import { createSession, type ApiSession, type LockManagerLike } from './session'

/** The BFF route that reads the httpOnly refresh cookie and answers `{access}` (server/api/auth/refresh.post.ts). */
export const REFRESH_PATH = '/auth/refresh'

export interface ApiCoreConfig extends Omit<ApiClientConfig, 'session'> {
  /** Cross-tab lock for the refresh; defaults to navigator.locks (absent on the server). */
  locks?: LockManagerLike | null
}

export interface ApiCore {
  api: ApiClientInstance
  session: ApiSession
}

/**
 * The refresh call. `auth: false`: it carries no token and a 401 on it is final (never refreshed, never replayed);
 * a POST without an idempotency key, so it is never retried either. The custom header is the BFF's CSRF check.
 */
export async function refreshViaBff(api: ApiClient): Promise<string> {
  const body = await api.post<unknown>(REFRESH_PATH, undefined, { auth: false, headers: { 'x-requested-with': 'storefront' } })
  if (typeof body === 'object' && body !== null && 'access' in body && typeof body.access === 'string' && body.access) return body.access
  throw badResponseError(200)
}

/** Wires one session and one client together: what plugins/api.ts provides per Nuxt app (per SSR request). */
export function createApiCore(config: ApiCoreConfig): ApiCore {
  const { locks, ...clientConfig } = config
  const session = createSession({ refreshAccessToken: () => refreshViaBff(api), locks })
  const api = createApiClient({ ...clientConfig, session })
  return { api, session }
}
