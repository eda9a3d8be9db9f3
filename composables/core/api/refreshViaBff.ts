import { badResponseError } from './normalizeError'
import type { ApiClient } from './types'

/** The BFF route that reads the httpOnly refresh cookie and answers `{access}` (server/api/auth/refresh.post.ts). */
export const REFRESH_PATH = '/auth/refresh'

/**
 * The refresh call. `auth: false`: it carries no token and a 401 on it is final (never refreshed, never replayed);
 * a POST without an idempotency key, so it is never retried either. The custom header is the BFF's CSRF check.
 */
export async function refreshViaBff(api: ApiClient): Promise<string> {
  const body = await api.post<unknown>(REFRESH_PATH, undefined, { auth: false, headers: { 'x-requested-with': 'storefront' } })
  if (typeof body === 'object' && body !== null && 'access' in body && typeof body.access === 'string' && body.access) return body.access
  throw badResponseError(200)
}
