// Every page path of the storefront is built in utils/routes/ and nowhere else: pages, components, composables,
// server routes (sitemap, JSON-LD, canonicals) and tests import these. Slugs and ids are encoded there, once.
// This file holds the fixed paths; catalogPaths.ts the product, category, search and brand ones; signIn.ts the
// way to sign-in with a return; policy.ts what each path is (public, noindex, private, protected).
// (Split in files so the app's entry chunk, which needs only the fixed paths and sign-in, carries nothing else.)

export const HOME_PATH = '/'
export const PRODUCTS_PATH = '/products'
export const CATEGORIES_PATH = '/categories'
export const SEARCH_PATH = '/search'
export const CART_PATH = '/cart'
export const CHECKOUT_PATH = '/checkout'
export const ORDERS_PATH = '/orders'
export const WISHLIST_PATH = '/wishlist'
/** The shopper's account (profile, sign-out). */
export const ACCOUNT_PATH = '/auth/profile'
export const SIGN_IN_PATH = '/auth/login'
export const REGISTER_PATH = '/auth/register'

/** One order of the signed-in shopper. */
export function orderPath(id: number | string): string {
  return `${ORDERS_PATH}/${encodeURIComponent(String(id))}`
}
