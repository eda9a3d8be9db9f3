import type { ApiClient } from '~/composables/core/api/types'
import type { BffCartDto } from './dto'
import type { Cart, CartAddition } from './domain/cart'
import { toCart, toCartItemCreate, toCartItemUpdate } from './mappers/cart'

export interface CartRequestOptions {
  signal?: AbortSignal
  /** The request has left the page (`ApiRequestOptions.onSent`): a change then lands even if the page is left. */
  onSent?: () => void
}

// The guest cart travels in an httpOnly cookie the BFF reads; a cookie-authenticated change needs the BFF's CSRF
// header, which same-origin script can add and a cross-site form cannot (server/utils/auth/csrf.ts).
const CSRF = { 'x-requested-with': 'storefront' } as const

// A change outlives the page that asked for it: a shopper who goes to another page by a full page load right after
// "Add to cart" would otherwise cancel the request, and a guest's first change is what names their cart - its answer
// sets the cart's cookie. Cancelled, the items land in a cart no cookie names (or nowhere) and the next page starts
// a new one. Reads are not kept alive: a new page reads again.
const WRITE = { headers: CSRF, keepalive: true } as const

/**
 * One function per cart endpoint; stateless. Every call answers with the whole cart as the backend computed it.
 * The cart is the signed-in shopper's (the access token goes along) or this browser's guest cart (the BFF adds
 * its token); no function here ever sees a cart token. Failures are ApiErrors: `toCartProblem` explains them.
 */
export function cartService(api: ApiClient) {
  return {
    /** Also where a guest cart that failed to merge at sign-in is merged (the BFF retries first). */
    async get(options: CartRequestOptions = {}): Promise<Cart> {
      return toCart(await api.get<BffCartDto>('/cart/', undefined, { signal: options.signal, onSent: options.onSent }))
    },

    /** Adds a line, or adds to the quantity of the same product and variant. Not retried: it is not idempotent. */
    async addLine(addition: CartAddition, options: CartRequestOptions = {}): Promise<Cart> {
      return toCart(await api.post<BffCartDto>('/cart/items/', toCartItemCreate(addition), { ...WRITE, signal: options.signal, onSent: options.onSent }))
    },

    /** Sets a line's quantity (absolute, 1 to 99). */
    async setQuantity(lineId: number, quantity: number, options: CartRequestOptions = {}): Promise<Cart> {
      return toCart(await api.patch<BffCartDto>(`/cart/items/${lineId}/`, toCartItemUpdate(quantity), { ...WRITE, signal: options.signal, onSent: options.onSent }))
    },

    /**
     * Removes a line. DELETE is retried on a transient failure, so a retry after a lost answer may meet 404
     * (`line-gone`): the line is gone either way, and a `get()` shows the cart.
     */
    async removeLine(lineId: number, options: CartRequestOptions = {}): Promise<Cart> {
      return toCart(await api.delete<BffCartDto>(`/cart/items/${lineId}/`, { ...WRITE, signal: options.signal, onSent: options.onSent }))
    },
  }
}

export type CartService = ReturnType<typeof cartService>
