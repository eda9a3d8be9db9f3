import type { BackendCallContributor } from '../backend/contributors'
import { readRefreshCookie } from './cookie'
import type { AuthDeps } from './deps'
import { forgetRenderUser } from './renderSessionCache'

const CHANGES_PROFILE = new Set(['PATCH', 'PUT', 'DELETE'])

function isProfilePath(path: string): boolean {
  const pathname = path.split('?')[0] ?? ''
  return pathname === '/auth/me/' || pathname === '/auth/me'
}

/**
 * A successful change of the shopper's profile (PATCH /auth/me/ through the proxy) makes the user cached for
 * server renders stale: the next render reads it again. The cached token stays; it did not change.
 */
export function profileChangeContributor(deps: () => AuthDeps): BackendCallContributor {
  return {
    name: 'render-session-profile',
    prepare(call) {
      if (!CHANGES_PROFILE.has(call.method) || !isProfilePath(call.path)) return undefined
      const refresh = readRefreshCookie(call.event)
      if (!refresh) return undefined
      return {
        async transformResponse(response) {
          if (response.ok) await forgetRenderUser(deps(), refresh)
          return response
        },
      }
    },
  }
}
