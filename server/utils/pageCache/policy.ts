/**
 * Which pages a shared cache may keep. Anonymous catalog pages are the same for everyone and are cached;
 * a signed-in shopper's pages, and cart/checkout/account pages, are personal and never are.
 */
export type PageClass = 'shared' | 'private' | 'other'

/** Sent with every anonymous catalog page, fresh from the cache or not. */
export const SHARED_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300, stale-if-error=86400'
/** Sent with every personal page, and with any response that sets a cookie. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store'

// Prefixes match the path itself and anything below it ("/products" covers "/products/12-mug").
const SHARED_PREFIXES = ['/products', '/categories', '/category', '/c', '/brands']
export const PRIVATE_PREFIXES = ['/cart', '/checkout', '/account', '/auth', '/orders', '/wishlist', '/profile']

/**
 * Cookies whose presence means "signed in": the auth BFF's httpOnly refresh cookie (Path=/), and a
 * non-secret marker a deployment may set alongside a path-scoped one. Only presence matters; never read.
 */
export const SIGNED_IN_COOKIES = ['sf_refresh', 'sf_session'] as const

/** Slash-separated unreserved characters, no empty, `.` or `..` segment: nothing for URL parsing to change. */
const PLAIN_PATH = /^(?:\/(?!\.{1,2}(?:\/|$))[\w\-.~]+)*\/?$/

/** Query parameters that never change a page's content; dropped from cache keys and canonical URLs. */
const TRACKING_PARAM = /^(?:utm_\w+|gclid|gbraid|wbraid|fbclid|msclkid|mc_cid|mc_eid|_ga|_gl|ref)$/i

function underPrefix(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`)
}

export function classifyPage(pathname: string): PageClass {
  if (PRIVATE_PREFIXES.some(prefix => underPrefix(pathname, prefix))) return 'private'
  if (pathname === '/' || SHARED_PREFIXES.some(prefix => underPrefix(pathname, prefix))) return 'shared'
  return 'other'
}

/** Page requests only: not the API, not build assets, not files such as /robots.txt or /favicon.ico. */
export function isPagePath(pathname: string): boolean {
  if (underPrefix(pathname, '/api') || pathname.startsWith('/_nuxt/') || pathname.startsWith('/__')) return false
  const last = pathname.slice(pathname.lastIndexOf('/') + 1)
  return !/\.[a-z0-9]{1,8}$/i.test(last)
}

export function isSignedInRequest(cookieHeader: string | undefined, authorization: string | undefined): boolean {
  if (authorization) return true
  if (!cookieHeader) return false
  return cookieHeader.split(';').some((pair) => {
    const eq = pair.indexOf('=')
    if (eq < 0) return false
    const name = pair.slice(0, eq).trim()
    return (SIGNED_IN_COOKIES as readonly string[]).includes(name) && pair.slice(eq + 1).trim() !== ''
  })
}

/**
 * The URL a shared page is rendered and cached under: same path, tracking parameters dropped, the rest
 * sorted so `?a=1&b=2` and `?b=2&a=1` share an entry.
 */
export function normalizePageUrl(pathAndQuery: string): string {
  // Most requests: a plain path without a query, which URL parsing would give back unchanged.
  if (pathAndQuery.startsWith('/') && PLAIN_PATH.test(pathAndQuery)) return pathAndQuery
  const url = new URL(pathAndQuery, 'http://page.invalid')
  const kept = [...url.searchParams.entries()].filter(([name]) => !TRACKING_PARAM.test(name))
  kept.sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)))
  const query = new URLSearchParams(kept).toString()
  return url.pathname + (query ? `?${query}` : '')
}
