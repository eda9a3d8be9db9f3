import type { H3Event } from 'h3'
import { getRequestHeader, getRequestIP } from 'h3'
import { csrfRejection } from '../auth/csrf'
import type { ProxyOptions } from '../backendProxy'
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
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean
}

/** pass: not a cart call; refuse: answer with this instead of calling the backend; proxy: call it with these options. */
export type CartProxyPlan =
  | { kind: 'pass' }
  | { kind: 'refuse', status: number, body: Record<string, unknown> }
  | { kind: 'proxy', options: Required<Pick<ProxyOptions, 'headers' | 'transformResponse'>> }

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
async function retryPendingMerge(event: H3Event, deps: CartProxyDeps, request: CartRequest): Promise<{ request: CartRequest, pending: boolean }> {
  const access = /^Bearer\s+(\S+)$/i.exec(getRequestHeader(event, 'authorization') ?? '')?.[1]
  if (!request.signedIn || !request.guestToken || !access) return { request, pending: false }
  const outcome = await mergeGuestCart(deps.apiBase, request.guestToken, access, getRequestIP(event, { xForwardedFor: deps.trustProxy }))
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
 * How the /api proxy handles `path` (backend path and query) for the cart: the guest token added from the
 * httpOnly cookie, the answer's token captured and stripped, unsafe calls CSRF-checked (the cookie now
 * authenticates a guest's cart), a pending merge retried, and /cart/merge/ kept for the BFF alone.
 */
export async function planCartProxy(event: H3Event, deps: CartProxyDeps, path: string): Promise<CartProxyPlan> {
  if (!isCartPath(path)) return { kind: 'pass' }
  if (isBffOnlyCartPath(path)) return { kind: 'refuse', status: 404, body: { detail: 'Not found.' } }
  const csrf = csrfRejection(event, { siteUrl: deps.siteUrl })
  if (csrf) return { kind: 'refuse', status: 403, body: { detail: csrf, code: 'csrf_failed' } }

  const initial: CartRequest = {
    path,
    guestToken: readCartToken(event),
    hasMarker: hasCartMarker(event),
    signedIn: Boolean(getRequestHeader(event, 'authorization')),
  }
  const { request, pending } = await retryPendingMerge(event, deps, initial)
  return {
    kind: 'proxy',
    options: {
      headers: cartRequestHeaders(request),
      transformResponse: response => settle(event, deps, request, pending, response),
    },
  }
}
