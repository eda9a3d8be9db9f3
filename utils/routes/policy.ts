import {
  ACCOUNT_PATH, CART_PATH, CATEGORIES_PATH, CHECKOUT_PATH, HOME_PATH, ORDERS_PATH, PRODUCTS_PATH, REGISTER_PATH, SEARCH_PATH,
  SIGN_IN_PATH, WISHLIST_PATH,
} from './paths'

/**
 * What a page is, for everything that treats pages differently: the guards (middleware), the shared page cache
 * (server/utils/pageCache/policy.ts), robots.txt and the robots meta tag.
 * - public: the same for every anonymous shopper: kept by the shared page cache, indexed.
 * - noindex: public but not for search engines (search results, unknown paths): rendered per request.
 * - private: personal (the cart, sign-in): never in a shared cache, not indexed, kept out of robots.txt.
 * - protected: private, and only for a signed-in shopper: the guard sends anyone else to sign in.
 */
export type RouteAccess = 'public' | 'noindex' | 'private' | 'protected'

// A rule covers its path and every path below it (the home page only itself); the most specific rule decides.
// Public rules name only routes that exist; private and protected ones also the commerce routes to come.
const RULES: Readonly<Record<string, RouteAccess>> = {
  [HOME_PATH]: 'public',
  [PRODUCTS_PATH]: 'public',
  [CATEGORIES_PATH]: 'public',
  [SEARCH_PATH]: 'noindex',
  '/auth': 'private',
  [ACCOUNT_PATH]: 'protected',
  // The account area as it grows beyond the profile (addresses, settings).
  '/account': 'protected',
  [CART_PATH]: 'private',
  [CHECKOUT_PATH]: 'protected',
  [ORDERS_PATH]: 'protected',
  [WISHLIST_PATH]: 'protected',
}

/**
 * Paths the server answers for machines, not shoppers: the liveness and readiness probes (server/routes/healthz.ts,
 * readyz.ts). They are not pages: no rule above applies, the page cache never looks at them, nothing links to them.
 */
export const PROBE_PATHS: readonly string[] = ['/healthz', '/readyz']

/** Pages a signed-in shopper has no use for: the guard sends them on to where they were going. */
export const GUEST_ONLY_PATHS: readonly string[] = [SIGN_IN_PATH, REGISTER_PATH]

/**
 * The path without query, hash or trailing slash, lower-cased: Vue Router matches routes in any letter case, so
 * `/Orders/7` is the orders page and must be guarded as one (the server also 301s it to `/orders/7`).
 */
function clean(path: string): string {
  const bare = (path.split(/[?#]/)[0] ?? '').toLowerCase()
  return bare.length > 1 ? bare.replace(/\/+$/, '') : bare
}

export function routeAccess(path: string): RouteAccess {
  // From the path itself up through its parents ("/orders/7", "/orders"): the first rule found is the most specific.
  for (let at = clean(path); at; at = at.slice(0, at.lastIndexOf('/'))) {
    const access = RULES[at]
    if (access) return access
  }
  return 'noindex'
}

export function isProtectedPath(path: string): boolean {
  return routeAccess(path) === 'protected'
}

export function isProbePath(path: string): boolean {
  return PROBE_PATHS.includes(clean(path))
}

export function isGuestOnlyPath(path: string): boolean {
  return GUEST_ONLY_PATHS.includes(clean(path))
}

/** Prefixes robots.txt keeps crawlers off: everything not public, each named once (not below another). */
export function crawlerExcludedPrefixes(): string[] {
  const excluded = Object.keys(RULES).filter(prefix => RULES[prefix] !== 'public')
  return excluded.filter(prefix => !excluded.some(other => other !== prefix && prefix.startsWith(`${other}/`)))
}
