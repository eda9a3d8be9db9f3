import type { H3Event } from 'h3'
import { deleteCookie, getCookie, setCookie } from 'h3'
import type { CartCookieUpdate } from './tokenPolicy'

/**
 * The guest cart token's only home in the browser: httpOnly, so no script (ours, an extension's, an injected
 * one's) can read it and take the cart. Path=/ because the server renders pages from it, like sf_refresh.
 */
export const CART_TOKEN_COOKIE = 'sf_cart_token'

/**
 * Script-readable, non-secret marker: "1" while the last cart this browser was answered with had a line.
 * It holds no token and nothing about the shopper, so shared cached pages stay shared and the client still
 * knows, without a request, whether there is a cart to load (docs/cart.md).
 */
export const CART_MARKER_COOKIE = 'sf_cart'
export const CART_MARKER_VALUE = '1'

/** Guest carts are kept for 30 days after their last change or read through the BFF (sliding). */
export const CART_COOKIE_MAX_AGE_S = 30 * 24 * 3600

export interface CartCookieOptions {
  /** Secure in production; plain HTTP only in `nuxt dev`. */
  secure: boolean
}

const BASE = { sameSite: 'lax', path: '/' } as const

export function readCartToken(event: H3Event): string | undefined {
  const value = getCookie(event, CART_TOKEN_COOKIE)?.trim()
  return value ? value : undefined
}

export function hasCartMarker(event: H3Event): boolean {
  return Boolean(getCookie(event, CART_MARKER_COOKIE))
}

/** Writes what tokenPolicy decided; `keep` writes nothing. */
export function applyCartCookies(event: H3Event, update: CartCookieUpdate, options: CartCookieOptions): void {
  if (update.token === 'clear') deleteCookie(event, CART_TOKEN_COOKIE, { ...BASE, httpOnly: true, secure: options.secure })
  else if (update.token !== 'keep') {
    setCookie(event, CART_TOKEN_COOKIE, update.token.set, { ...BASE, httpOnly: true, secure: options.secure, maxAge: CART_COOKIE_MAX_AGE_S })
  }
  if (update.marker === 'clear') deleteCookie(event, CART_MARKER_COOKIE, { ...BASE, secure: options.secure })
  else if (update.marker === 'set') {
    setCookie(event, CART_MARKER_COOKIE, CART_MARKER_VALUE, { ...BASE, httpOnly: false, secure: options.secure, maxAge: CART_COOKIE_MAX_AGE_S })
  }
}

/** Sign-out: the next person on this computer starts with no cart at all. */
export function clearCartCookies(event: H3Event, options: CartCookieOptions): void {
  applyCartCookies(event, { token: 'clear', marker: 'clear' }, options)
}
