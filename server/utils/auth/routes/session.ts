import type { H3Event } from 'h3'
import type { UserDto } from '../../../../services/dto'
import { callBackend } from '../backend'
import { readRefreshCookie } from '../cookie'
import type { AuthDeps } from '../deps'
import { isInternalRequest } from '../internal'
import { clientAddress, fail, noStore } from '../respond'
import { renewSession } from '../session'

/**
 * GET /api/auth/session -> {user, access} for the server-side render: is there a session, and whose.
 * It rotates the refresh token (the new cookie is on this response). The access token is only handed to our
 * own in-process SSR call; a browser asking gets the user alone.
 */
export async function handleSession(event: H3Event, deps: AuthDeps) {
  noStore(event)
  const refresh = readRefreshCookie(event)
  if (!refresh) return { user: null }
  const outcome = await renewSession(event, deps, refresh)
  if (!outcome.ok) return outcome.ended ? { user: null } : fail(event, outcome.status, outcome.body)
  const me = await callBackend<UserDto>(deps.apiBase, '/auth/me/', { access: outcome.pair.access, forwardedFor: clientAddress(event, deps) })
  if (!me.ok) return me.status === 401 ? { user: null } : fail(event, me.status, me.body)
  return isInternalRequest(event) ? { user: me.data, access: outcome.pair.access } : { user: me.data }
}
