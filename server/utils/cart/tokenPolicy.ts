/**
 * Who holds the guest cart token, as pure functions over plain data: the /api proxy and the server-side SSR
 * transport both call them, so the policy is the same whichever way a cart call reaches the backend.
 *
 * - The token lives in the httpOnly cookie sf_cart_token (cartCookies.ts); the browser never sees it.
 * - A guest's cart call gets `X-Cart-Token` from that cookie; a header the browser sent is never forwarded.
 * - The token in a cart answer (header and body `token`) is captured into the cookie and removed from the answer.
 * - A signed-in call (Authorization) is about the user's cart: its token is never captured, and the guest
 *   cookie stays until the merge succeeds (mergeGuestCart.ts).
 */

/** The contract's header naming a guest cart. Callers must never copy it from the browser or back to it. */
export const CART_TOKEN_HEADER = 'x-cart-token'

/** Every cart answer belongs to one shopper: no shared cache (CDN, proxy, the page cache) may keep it. */
export const CART_CACHE_CONTROL = 'private, no-store'

/** The backend's answer to a call on a cart path means this for the browser's cart cookies. */
export interface CartCookieUpdate {
  /** `{set}` (re)writes the httpOnly token cookie; `clear` deletes it; `keep` leaves it as it is. */
  token: { set: string } | 'clear' | 'keep'
  /** `set` writes the script-readable "there is a cart" marker; `clear` deletes it. */
  marker: 'set' | 'clear' | 'keep'
}

export const KEEP_CART_COOKIES: CartCookieUpdate = Object.freeze({ token: 'keep', marker: 'keep' })

/** What the BFF knows about the browser's request. */
export interface CartRequest {
  /** Backend path and query, e.g. "/cart/items/12/". */
  path: string
  /** The sf_cart_token cookie, if any. */
  guestToken: string | undefined
  /** Whether the sf_cart marker cookie is present. */
  hasMarker: boolean
  /** The request carries the shopper's access token, so the backend answers with the user's cart. */
  signedIn: boolean
}

/** The backend's answer, as far as the policy cares. */
export interface CartAnswer {
  status: number
  /** The `X-Cart-Token` response header. */
  headerToken: string | null
  /** The parsed JSON body; undefined when there was none. */
  body: unknown
}

export interface SettledCartAnswer {
  /** The body the browser may see: the backend's, without `token`. */
  body: unknown
  cookies: CartCookieUpdate
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The pathname as the backend will route it, lower-cased: `/%63art/` and `/CART/` reach the cart on a backend
 * that decodes or ignores case, so they must get the cart policy too.
 */
function routedPathname(path: string): string {
  const pathname = path.split('?')[0] ?? ''
  try {
    return decodeURIComponent(pathname).toLowerCase()
  }
  catch {
    return pathname.toLowerCase()
  }
}

/** `/cart/` and everything below it: the calls that name a cart and answer with one. */
export function isCartPath(path: string): boolean {
  const pathname = routedPathname(path)
  return pathname === '/cart' || pathname.startsWith('/cart/')
}

/**
 * `/cart/merge/` takes a guest token in its body; only the BFF knows one, so only the BFF calls it (at sign-in,
 * and when a failed merge is retried). The browser is answered 404.
 */
export function isBffOnlyCartPath(path: string): boolean {
  const pathname = routedPathname(path)
  return pathname === '/cart/merge' || pathname.startsWith('/cart/merge/')
}

/** Headers to add to the backend call for this request: the guest token, on a guest's cart call only. */
export function cartRequestHeaders(request: CartRequest): Record<string, string> {
  if (!isCartPath(request.path) || request.signedIn || !request.guestToken) return {}
  return { [CART_TOKEN_HEADER]: request.guestToken }
}

/** The body without its `token`; anything that is not an object is returned as it is. */
export function withoutCartToken(body: unknown): unknown {
  if (!isRecord(body) || !('token' in body)) return body
  const { token: _token, ...rest } = body
  return rest
}

/** Lines in a cart body: `items_count` as the backend computed it, else the sum of the lines' quantities. */
export function cartItemCount(body: unknown): number | undefined {
  if (!isRecord(body) || !Array.isArray(body.items)) return undefined
  if (typeof body.items_count === 'number') return body.items_count
  return body.items.reduce<number>((sum, item) => sum + (isRecord(item) && typeof item.quantity === 'number' ? item.quantity : 0), 0)
}

/** The marker follows the cart the browser was just answered with. */
export function markerFor(count: number, hasMarker: boolean): CartCookieUpdate['marker'] {
  if (count > 0) return 'set'
  return hasMarker ? 'clear' : 'keep'
}

function tokenUpdate(request: CartRequest, answered: string | undefined, count: number): CartCookieUpdate['token'] {
  if (request.signedIn || !answered) return 'keep'
  // A cart with lines is worth remembering; writing it again also slides the cookie's lifetime.
  if (count > 0) return { set: answered }
  // An empty answer for another token: the cart the cookie named is gone (expired, ordered), forget it.
  if (request.guestToken && answered !== request.guestToken) return 'clear'
  // An empty cart the backend just made up for a cookie-less guest is not worth a cookie.
  return 'keep'
}

/** What the backend's answer to a cart call means for the cookies, and the answer the browser may see. */
export function settleCartAnswer(request: CartRequest, answer: CartAnswer): SettledCartAnswer {
  const body = withoutCartToken(answer.body)
  const count = answer.status >= 200 && answer.status < 300 ? cartItemCount(answer.body) : undefined
  if (!isCartPath(request.path) || count === undefined) return { body, cookies: KEEP_CART_COOKIES }
  const bodyToken = isRecord(answer.body) && typeof answer.body.token === 'string' && answer.body.token ? answer.body.token : undefined
  const answered = bodyToken ?? (answer.headerToken?.trim() || undefined)
  return { body, cookies: { token: tokenUpdate(request, answered, count), marker: markerFor(count, request.hasMarker) } }
}
