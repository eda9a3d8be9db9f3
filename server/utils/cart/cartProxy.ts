import type { H3Event } from 'h3'
import { csrfRejection } from '../auth/csrf'
import type { BackendCallContributor, ContributedCall, ContributorPlan } from '../backend/contributors'
import { applyCartCookies, hasCartMarker, readCartToken, type CartCookieOptions } from './cartCookies'
import { cookiesAfterMerge, mergeGuestCart } from './mergeGuestCart'
import {
  CART_CACHE_CONTROL, CART_TOKEN_HEADER, cartItemCount, cartRequestHeaders, isBffOnlyCartPath, isCartPath, settleCartAnswer,
  type CartCookieUpdate, type CartRequest,
} from './tokenPolicy'

export interface CartProxyDeps {
  apiBase: string
  cookie: CartCookieOptions
  /** Public origin, accepted by the CSRF check besides the request's own. */
  siteUrl?: string
}

/** Set by the BFF on a signed-in shopper's cart while their guest cart is still waiting to be merged. */
export const MERGE_PENDING_FIELD = 'merge_pending'

function jsonResponse(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': CART_CACHE_CONTROL } })
}

function parseJson(text: string): unknown {
  if (!text.trim()) return undefined
  try {
    return JSON.parse(text) as unknown
  }
  catch {
    return undefined
  }
}

function withMarker(request: CartRequest, update: CartCookieUpdate): CartRequest {
  if (update.marker === 'keep') return request
  return { ...request, hasMarker: update.marker === 'set' }
}

/**
 * A signed-in shopper whose guest cart is still in the cookie (the merge at sign-in failed): try again now,
 * before their cart call, so the cart they see has the guest lines in it.
 */
async function retryPendingMerge(event: H3Event, deps: CartProxyDeps, request: CartRequest, authorization: string | null): Promise<{ request: CartRequest, pending: boolean }> {
  const access = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1]
  if (!request.signedIn || !request.guestToken || !access) return { request, pending: false }
  const outcome = await mergeGuestCart(event, deps.apiBase, request.guestToken, access)
  const update = cookiesAfterMerge(outcome, request.hasMarker)
  applyCartCookies(event, update, deps.cookie)
  if (outcome.state === 'pending') return { request, pending: true }
  return { request: withMarker({ ...request, guestToken: undefined }, update), pending: false }
}

/** The answer the browser gets: cookies written from it, the token gone, never cacheable. */
async function settle(event: H3Event, deps: CartProxyDeps, request: CartRequest, mergePending: boolean, response: Response): Promise<Response> {
  let text: string
  try {
    text = await response.text()
  }
  catch {
    return jsonResponse(502, { detail: 'The shop stopped answering. Please try again.', code: 'upstream_unreachable' })
  }
  const parsed = parseJson(text)
  if (response.ok && text.trim() && parsed === undefined) {
    return jsonResponse(502, { detail: 'The shop answered with something we could not read.', code: 'bad_response' })
  }
  const settled = settleCartAnswer(request, { status: response.status, headerToken: response.headers.get(CART_TOKEN_HEADER), body: parsed })
  applyCartCookies(event, settled.cookies, deps.cookie)
  const body = mergePending && cartItemCount(settled.body) !== undefined
    ? { ...(settled.body as Record<string, unknown>), [MERGE_PENDING_FIELD]: true }
    : settled.body

  const headers = new Headers(response.headers)
  headers.delete(CART_TOKEN_HEADER)
  headers.delete('content-length')
  headers.delete('content-encoding')
  headers.set('cache-control', CART_CACHE_CONTROL)
  const noBody = response.status === 204 || response.status === 205 || response.status === 304
  return new Response(noBody ? null : parsed === undefined ? text : JSON.stringify(body), { status: response.status, statusText: response.statusText, headers })
}

/**
 * The cart's part in every backend call (a contributor of server/utils/backend/, so the /api proxy and server
 * renders apply the same policy): the guest token added from the httpOnly cookie, a token the browser sent
 * dropped, the answer's token captured and stripped, unsafe proxied calls CSRF-checked (the cookie now
 * authenticates a guest's cart), a pending merge retried, and /cart/merge/ kept for the BFF alone.
 */
export async function planCartCall(call: ContributedCall, deps: CartProxyDeps): Promise<ContributorPlan> {
  if (!isCartPath(call.path)) return undefined
  if (isBffOnlyCartPath(call.path)) return { refuse: { status: 404, body: { detail: 'Not found.' } } }
  const { event, headers } = call
  if (call.via === 'proxy') {
    const csrf = csrfRejection(event, { siteUrl: deps.siteUrl })
    if (csrf) return { refuse: { status: 403, body: { detail: csrf, code: 'csrf_failed' } } }
  }
  // A page request carries no Authorization: the signed-in state is what this call sends, whichever way it came.
  const authorization = headers.get('authorization')
  const initial: CartRequest = {
    path: call.path,
    guestToken: readCartToken(event),
    hasMarker: hasCartMarker(event),
    signedIn: Boolean(authorization),
  }
  const { request, pending } = await retryPendingMerge(event, deps, initial, authorization)
  headers.delete(CART_TOKEN_HEADER)
  for (const [name, value] of Object.entries(cartRequestHeaders(request))) headers.set(name, value)
  return { transformResponse: response => settle(event, deps, request, pending, response) }
}

export function cartContributor(deps: () => CartProxyDeps): BackendCallContributor {
  return { name: 'cart', prepare: call => planCartCall(call, deps()) }
}
