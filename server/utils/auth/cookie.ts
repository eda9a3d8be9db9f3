import type { H3Event } from 'h3'
import { deleteCookie, getCookie, setCookie } from 'h3'
import { jwtExpiresAt } from './jwt'

/** The refresh token's only home in the browser: httpOnly, so no script can read it. */
export const REFRESH_COOKIE = 'sf_refresh'

export interface RefreshCookieOptions {
  /** Secure in production; plain HTTP only in dev. */
  secure: boolean
}

// Path is "/" and not "/api/auth": the server renders every page from this cookie (signed-in header, profile),
// and a browser only sends a cookie to paths under its Path. The /api proxy never forwards cookies to the backend.
const BASE = { httpOnly: true, sameSite: 'lax', path: '/' } as const

/** Without an `exp` claim we still end the cookie eventually. */
const FALLBACK_MAX_AGE_S = 7 * 24 * 3600

export function readRefreshCookie(event: H3Event): string | undefined {
  const value = getCookie(event, REFRESH_COOKIE)
  return value ? value : undefined
}

export function writeRefreshCookie(event: H3Event, refresh: string, options: RefreshCookieOptions, nowMs = Date.now()): void {
  const expiresAt = jwtExpiresAt(refresh)
  const maxAge = expiresAt ? Math.max(0, Math.floor((expiresAt - nowMs) / 1000)) : FALLBACK_MAX_AGE_S
  setCookie(event, REFRESH_COOKIE, refresh, { ...BASE, secure: options.secure, maxAge })
}

export function clearRefreshCookie(event: H3Event, options: RefreshCookieOptions): void {
  deleteCookie(event, REFRESH_COOKIE, { ...BASE, secure: options.secure })
}
