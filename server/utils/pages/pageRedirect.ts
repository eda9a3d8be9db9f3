import {
  ACCOUNT_PATH, CART_PATH, CATEGORIES_PATH, categoryPath, CHECKOUT_PATH, ORDERS_PATH, PASSWORD_RESET_CONFIRM_PATH, PASSWORD_RESET_PATH, PRODUCTS_PATH, REGISTER_PATH,
  SEARCH_PATH, SIGN_IN_PATH, WISHLIST_PATH,
} from '~/utils/routes/paths'
import { isSlug } from '~/utils/routes/slug'

// Page URLs that name a page by another spelling are sent to its own URL (301) before anything routes or renders
// them, so every page has one address: for the index, for the page cache, and for the guards.

/**
 * The fixed part of every page route (pages/): its static segments. Vue Router matches them in any letter case
 * (and with percent-encoded letters), so `/Orders/1` is the orders page; a test keeps this list in step with pages/.
 */
export const FIXED_PAGE_PATHS: ReadonlySet<string> = new Set([
  PRODUCTS_PATH, CATEGORIES_PATH, SEARCH_PATH, CART_PATH, CHECKOUT_PATH, ORDERS_PATH, WISHLIST_PATH,
  '/auth', ACCOUNT_PATH, SIGN_IN_PATH, REGISTER_PATH, PASSWORD_RESET_PATH, PASSWORD_RESET_CONFIRM_PATH,
])

// The router's case-insensitive match folds ASCII letters only (a RegExp `i` flag without `u`).
const asciiLower = (text: string) => text.replace(/[A-Z]+/g, letters => letters.toLowerCase())

/**
 * The path with its fixed segments as the routes spell them ("/ORDERS/7" -> "/orders/7", "/%6Frders" -> "/orders"),
 * or null when they already are. What follows them (a product's or category's slug, an order id) is left exactly as
 * it came, percent-encoding and letter case: a slug is its page's own business (a product page 301s a wrong one).
 */
export function fixedSegmentsSpelled(path: string): string | null {
  const segments = path.split('/')
  let lowered = ''
  let fixedLength = 0
  let fixed = ''
  for (let at = 1; at < segments.length; at++) {
    let decoded: string
    try {
      decoded = decodeURIComponent(segments[at] ?? '')
    }
    catch {
      return null
    }
    lowered += `/${asciiLower(decoded)}`
    if (FIXED_PAGE_PATHS.has(lowered)) {
      fixedLength = at
      fixed = lowered
    }
    else if (![...FIXED_PAGE_PATHS].some(known => known.startsWith(`${lowered}/`))) break
  }
  if (!fixedLength) return null
  const written = segments.slice(0, fixedLength + 1).join('/')
  return written === fixed ? null : fixed + path.slice(written.length)
}

/** The first `category` of a raw query, as the listing reads it (utils/routes/listingQuery.ts), if it is a slug. */
function categoryOf(query: URLSearchParams): string | null {
  const value = query.get('category')?.trim()
  return value && isSlug(value) ? value : null
}

/** The raw query without `name` (every value), the rest left exactly as it came; '' when nothing is left. */
function queryWithout(rawQuery: string, name: string): string {
  const kept = rawQuery.split('&').filter((pair) => {
    const key = pair.split('=')[0] ?? ''
    try {
      return pair !== '' && decodeURIComponent(key.replace(/\+/g, ' ')) !== name
    }
    catch {
      return true
    }
  })
  return kept.length ? `?${kept.join('&')}` : ''
}

/** A category page's path (`/categories/<slug>`, trailing slash or not). */
const CATEGORY_PAGE = new RegExp(`^${CATEGORIES_PATH}/[^/]+/?$`)

/**
 * Where a page URL (path and query, as requested) should be asked for instead, or null when it is its own:
 * - repeated slashes: one each (`//orders` -> `/orders`, `///` -> `/`);
 * - fixed segments in another letter case or percent-encoded: the same URL as the routes spell it;
 * - `/products?category=<slug>`: that category's page with the other parameters. The two list the same products in the
 *   same order, but the category page is the one that says so (its name as title and heading, its breadcrumbs, its
 *   own canonical); nothing in the storefront links to the first, so it only arrives from outside (old or hand-made
 *   links, crawlers trying parameters), and a permanent redirect moves its links and its visitors to the real page
 *   instead of keeping a second, weaker copy of it in the index and the page cache;
 * - `/categories/<slug>?category=<anything>`: the page without it. The page fixes its category and ignores the
 *   parameter, so every value would be one more copy of the same page (to index, to render, to cache).
 */
export function pageRedirect(url: string): string | null {
  const mark = url.indexOf('?')
  const asked = mark < 0 ? url : url.slice(0, mark)
  // Repeated slashes name no page of their own: the router read `//orders` as the home page (a 200, and a cache
  // entry, per spelling). One slash each; never two at the start, which a browser would read as another host.
  const path = asked.replace(/\/{2,}/g, '/')
  const rawQuery = mark < 0 ? '' : url.slice(mark + 1)
  const spelled = fixedSegmentsSpelled(path) ?? path
  if (rawQuery) {
    const query = new URLSearchParams(rawQuery)
    if (spelled === PRODUCTS_PATH || spelled === `${PRODUCTS_PATH}/`) {
      const category = categoryOf(query)
      if (category) return categoryPath(category) + queryWithout(rawQuery, 'category')
    }
    else if (query.has('category') && CATEGORY_PAGE.test(spelled)) {
      return spelled + queryWithout(rawQuery, 'category')
    }
  }
  return spelled === asked ? null : spelled + (mark < 0 ? '' : `?${rawQuery}`)
}
