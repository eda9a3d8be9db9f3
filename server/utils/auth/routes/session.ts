import type { H3Event } from 'h3'
import type { AuthDeps } from '../deps'
import { isInternalRequest } from '../internal'
import { failWith, noStore } from '../respond'
import { sessionForRender } from '../renderSession'

/**
 * GET /api/auth/session -> {user, access}: is there a session, and whose. Server renders normally get this
 * without a request (server/utils/backend/renderTransport.ts calls sessionForRender directly); this route serves
 * in-process callers that still come through HTTP, and browsers, which get the user alone, never the token.
 * A rotated cookie, when the cached token was near its expiry, is on this response.
 */
export async function handleSession(event: H3Event, deps: AuthDeps) {
  noStore(event)
  const answer = await sessionForRender(event, deps)
  if (!answer.ok) return failWith(event, answer)
  return isInternalRequest(event) && answer.access ? { user: answer.user, access: answer.access } : { user: answer.user }
}
