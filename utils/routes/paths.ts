// Every page path of the storefront is built in utils/routes/ and nowhere else: pages, components, composables,
// server routes (sitemap, JSON-LD, canonicals) and tests import these. Slugs and ids are encoded there, once.
// This file holds the fixed paths and the product and category pages'; signIn.ts the way to sign-in with a return;
// policy.ts what each path is (public, noindex, private, protected); productSegment.ts and listingPages.ts read and
// write what only their pages need. (The product and category paths were a module of their own, kept out of the
// entry chunk; seven page kinds link to products or categories, and its own chunk cost them more than its ~100 bytes
// of gzip cost the entry, issue 21.)
import { isSlug } from './slug'

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
/** "Forgot password?": asks for a reset link; the link itself opens PASSWORD_RESET_CONFIRM_PATH?uid=&token=. */
export const PASSWORD_RESET_PATH = '/auth/password-reset'
export const PASSWORD_RESET_CONFIRM_PATH = '/auth/password-reset/confirm'

/** One order of the signed-in shopper. */
export function orderPath(id: number | string): string {
  return `${ORDERS_PATH}/${encodeURIComponent(String(id))}`
}

/**
 * The `{id}-{slug}` segment of a product page, as the router gives it (decoded); productSegment.ts reads it. A slug
 * the backend sent that is not one (spaces, markup, slashes) is left out: `/products/{id}` is still the product, and
 * the page's canonical and redirect use this same segment, so they agree.
 */
export function productSegment(product: { id: number, slug: string }): string {
  return product.slug && isSlug(product.slug) ? `${product.id}-${product.slug}` : String(product.id)
}

/** Canonical product page: /products/{id}-{slug}. */
export function productPath(product: { id: number, slug: string }): string {
  return `${PRODUCTS_PATH}/${encodeURIComponent(productSegment(product))}`
}

export function categoryPath(slug: string): string {
  return `${CATEGORIES_PATH}/${encodeURIComponent(slug)}`
}
