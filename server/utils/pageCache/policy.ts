import { isProbePath, routeAccess } from '~/utils/routes/policy'
import { DEGRADED_HEADER } from '~/utils/http/pageOutcome'

/**
 * Which pages a shared cache may keep, as the route policy (utils/routes/policy.ts) says: public pages are the
 * same for every anonymous shopper and are cached; private and protected pages (cart, checkout, orders, wishlist,
 * account, sign-in) are personal and never are, nor is anything a signed-in shopper is shown.
 */
export type PageClass = 'shared' | 'private' | 'other'

/**
 * Sent with every anonymous catalog page, fresh from the cache or not, for browsers: keep it, but ask each time
 * (a 304 by ETag when unchanged). A browser that kept a guest page for a minute served it to the same shopper after
 * they signed in (a new tab showed "Sign in"), since only the server can see the httpOnly session cookie.
 */
export const SHARED_CACHE_CONTROL = 'public, max-age=0, must-revalidate'
/**
 * For shared caches in front (RFC 9213 `CDN-Cache-Control`, read by CDNs and ignored by browsers): a minute fresh,
 * served stale while it is refreshed, and for a day when the origin fails. They must pass signed-in requests
 * (an `sf_refresh` or `sf_session` cookie) through, as this server does (docs/seo-and-caching.md).
 */
export const SHARED_CDN_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300, stale-if-error=86400'
/**
 * A partial page's (a part such as the filter counts failed): correct but incomplete, so it is shared for a few
 * seconds only (shields a struggling backend from one render per visitor) and never served for a day on error.
 */
export const PARTIAL_CDN_CACHE_CONTROL = 'public, max-age=10, stale-while-revalidate=30'
/** Sent with every personal page, and with any response that sets a cookie. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store'
/**
 * Sent with every anonymous page the page cache does not keep (search results, unknown paths, a catalog address's
 * 404 or redirect): what the page cache does not share, no shared cache in front may keep (without it, a CDN's
 * default TTL kept search results for hours). The same words as a personal page's, so there is one rule to read.
 */
export const UNCACHED_PAGE_CACHE_CONTROL = PRIVATE_CACHE_CONTROL


/**
 * Cookies whose presence means "signed in": the auth BFF's httpOnly refresh cookie (Path=/), and a
 * non-secret marker a deployment may set alongside a path-scoped one. Only presence matters; never read.
 * The guest cart cookies (sf_cart_token, sf_cart) are deliberately not here: a guest with a cart still gets
 * shared pages, which carry no cart; the client loads the cart after hydration (docs/cart.md).
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
  const access = routeAccess(pathname)
  if (access === 'public') return 'shared'
  return access === 'noindex' ? 'other' : 'private'
}

/** Page requests only: not the API, not build assets, not the probes, not files such as /robots.txt or /favicon.ico. */
export function isPagePath(pathname: string): boolean {
  if (underPrefix(pathname, '/api') || pathname.startsWith('/_nuxt/') || pathname.startsWith('/__') || isProbePath(pathname)) return false
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

/**
 * A redirect rendered for a shared page's cache address (normalizePageUrl: no tracking parameters) as the request it
 * answers should have it: with that request's tracking parameters, as they came, after the location's own. A campaign
 * link to an old product slug landed without its `utm_*`, and analytics on the landing page lost the visit. Only
 * same-site paths: a redirect elsewhere is not ours to add to.
 */
export function withRequestTracking(location: string, requested: string): string {
  if (!location.startsWith('/') || location.startsWith('//')) return location
  const mark = requested.indexOf('?')
  const tracking = mark < 0
    ? []
    : requested.slice(mark + 1).split('#')[0]!.split('&').filter((pair) => {
        try {
          return TRACKING_PARAM.test(decodeURIComponent((pair.split('=')[0] ?? '').replace(/\+/g, ' ')))
        }
        catch {
          return false
        }
      })
  if (!tracking.length) return location
  const hash = location.indexOf('#')
  const [path, fragment] = hash < 0 ? [location, ''] : [location.slice(0, hash), location.slice(hash)]
  return `${path}${path.includes('?') ? '&' : '?'}${tracking.join('&')}${fragment}`
}

/** A 200 that names a part of its content it could not load (utils/http/pageOutcome.ts). */
export function isPartialPage(headers: Readonly<Record<string, string | string[]>>): boolean {
  return headers[DEGRADED_HEADER] !== undefined
}

/** The caching headers a shared page goes out with: browsers always ask again; a partial page is shared briefly. */
export function sharedCacheHeaders(headers: Readonly<Record<string, string | string[]>>): Array<[string, string]> {
  return [
    ['cache-control', SHARED_CACHE_CONTROL],
    ['cdn-cache-control', isPartialPage(headers) ? PARTIAL_CDN_CACHE_CONTROL : SHARED_CDN_CACHE_CONTROL],
  ]
}
