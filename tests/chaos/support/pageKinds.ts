import {
  ACCOUNT_PATH, CART_PATH, CATEGORIES_PATH, categoryPath, CHECKOUT_PATH, HOME_PATH, ORDERS_PATH, orderPath, PRODUCTS_PATH, productPath, REGISTER_PATH,
  SIGN_IN_PATH, WISHLIST_PATH,
} from '../../../utils/routes/paths'
import { searchPath } from '../../../utils/routes/searchPaths'

/** A backend call as the demo's fault rules name it (docs/demo-backend.md): a glob over the path, and a method. */
export interface BackendCall {
  path_pattern: string
  method?: string
}

/** What a page kind needs from the catalog the suite runs against. */
export interface Catalog {
  product: { id: number, slug: string }
  /** A product without variants, in stock: what a cart can take as it is. */
  plainProductId: number
  categorySlug: string
  /** A word that finds products (for search). */
  searchWord: string
  /** An order of the signed-in shopper the suite visits as (support/shoppers.ts placeOrder). */
  orderId: number
}

/** What the demo catalog tells any client; the order comes from a shopper the suite signs in. */
export type CatalogBasics = Omit<Catalog, 'orderId'>

/**
 * Every page kind the suites visit, and what "its main content failed" means for it. Adding a page kind is one
 * entry here: the failure matrix (pageFailures.test.ts), the hostile-input and hostile-content suites, the isolation
 * run and the browser specs all read this table.
 */
export interface PageKind {
  name: string
  /** Where it is. */
  path: (catalog: Catalog) => string
  /** Who can see it: protected pages need a signed-in shopper (the guard sends anyone else to sign in). */
  visitor: 'anonymous' | 'signed-in'
  /** shared: the page cache keeps it when complete (anonymous); private: never kept; none: not cached at all. */
  cache: 'shared' | 'private' | 'none'
  /** The backend calls whose failure is this page's main content failing (503, never cached). Empty: none. */
  main: (catalog: Catalog) => BackendCall[]
  /** The calls whose failure leaves a partial page, by the part's name in x-page-degraded. */
  parts: (catalog: Catalog) => Record<string, BackendCall>
  /** What the page says while its main content is missing. */
  failureText?: RegExp
  /**
   * Calls the page makes only in the browser, after hydration, whose failure is the page failing there (the cart):
   * the server render cannot fail on them, the browser shows the failure and gets past it (browser.test.ts).
   */
  browserMain?: (catalog: Catalog) => BackendCall[]
}

const LIST: BackendCall = { path_pattern: '/products/', method: 'GET' }
const FACETS: BackendCall = { path_pattern: '/products/facets/', method: 'GET' }
const CATEGORIES: BackendCall = { path_pattern: '/categories/', method: 'GET' }
const CART: BackendCall = { path_pattern: '/cart/', method: 'GET' }
const SHIPPING_METHODS: BackendCall = { path_pattern: '/shipping-methods/', method: 'GET' }

export const PAGE_KINDS: readonly PageKind[] = [
  {
    name: 'home',
    path: () => HOME_PATH,
    visitor: 'anonymous',
    cache: 'shared',
    main: () => [LIST],
    parts: () => ({ categories: CATEGORIES }),
    failureText: /We could not load the best rated products/,
  },
  {
    name: 'listing',
    path: () => PRODUCTS_PATH,
    visitor: 'anonymous',
    cache: 'shared',
    main: () => [LIST],
    parts: () => ({ facets: FACETS, categories: CATEGORIES }),
    failureText: /We could not load products/,
  },
  {
    name: 'category',
    path: c => categoryPath(c.categorySlug),
    visitor: 'anonymous',
    cache: 'shared',
    // The tree names the page and decides whether the category exists: main content here.
    main: () => [LIST, CATEGORIES],
    parts: () => ({ facets: FACETS }),
    failureText: /We could not load (products|this category)/,
  },
  {
    name: 'categories',
    path: () => CATEGORIES_PATH,
    visitor: 'anonymous',
    cache: 'shared',
    main: () => [CATEGORIES],
    parts: () => ({}),
    failureText: /We could not load the categories/,
  },
  {
    name: 'product',
    path: c => productPath(c.product),
    visitor: 'anonymous',
    cache: 'shared',
    main: c => [{ path_pattern: `/products/${c.product.id}/`, method: 'GET' }],
    // Related products are a product list filtered by the category: the list endpoint.
    parts: c => ({ reviews: { path_pattern: `/products/${c.product.id}/reviews/`, method: 'GET' }, related: LIST, categories: CATEGORIES }),
    failureText: /We could not load this product/,
  },
  {
    name: 'search',
    path: c => searchPath(c.searchWord),
    visitor: 'anonymous',
    cache: 'none',
    main: () => [LIST],
    parts: () => ({ facets: FACETS, categories: CATEGORIES }),
    failureText: /We could not load products/,
  },
  {
    name: 'profile',
    path: () => ACCOUNT_PATH,
    visitor: 'signed-in',
    cache: 'private',
    main: () => [{ path_pattern: '/auth/me/', method: 'GET' }],
    parts: () => ({}),
    failureText: /We could not load your account details/,
  },
  {
    name: 'sign-in',
    path: () => SIGN_IN_PATH,
    visitor: 'anonymous',
    cache: 'private',
    // Rendered without the backend: nothing to fail but the form's own call (hostileInput covers it).
    main: () => [],
    parts: () => ({}),
  },
  {
    name: 'register',
    path: () => REGISTER_PATH,
    visitor: 'anonymous',
    cache: 'private',
    main: () => [],
    parts: () => ({}),
  },
  {
    name: 'cart',
    path: () => CART_PATH,
    visitor: 'anonymous',
    cache: 'private',
    // Loaded in the browser only (docs/cart.md): the server render carries no cart and asks the backend nothing.
    main: () => [],
    parts: () => ({}),
    browserMain: () => [CART],
  },
  {
    name: 'checkout',
    path: () => CHECKOUT_PATH,
    visitor: 'signed-in',
    cache: 'private',
    // The cart it checks out loads in the browser; the render brings the shipping methods (and the last address).
    main: () => [],
    parts: () => ({ 'shipping-methods': SHIPPING_METHODS }),
    browserMain: () => [CART],
  },
  {
    name: 'orders',
    path: () => ORDERS_PATH,
    visitor: 'signed-in',
    cache: 'private',
    main: () => [{ path_pattern: '/orders/', method: 'GET' }],
    parts: () => ({}),
    failureText: /We could not load orders/,
  },
  {
    name: 'order',
    path: c => orderPath(c.orderId),
    visitor: 'signed-in',
    cache: 'private',
    main: c => [{ path_pattern: `/orders/${c.orderId}/`, method: 'GET' }],
    parts: () => ({ delivery: SHIPPING_METHODS }),
    failureText: /We could not load your order/,
  },
  {
    name: 'wishlist',
    path: () => WISHLIST_PATH,
    visitor: 'signed-in',
    cache: 'private',
    main: () => [{ path_pattern: '/wishlist/', method: 'GET' }],
    parts: () => ({}),
    failureText: /We could not load saved products/,
  },
]

const SAMPLE: Catalog = { product: { id: 1, slug: 'x' }, plainProductId: 1, categorySlug: 'x', searchWord: 'x', orderId: 1 }

/** Page kinds whose server render depends on the backend for its main content (the failure matrix runs on these). */
export const PAGE_KINDS_WITH_CONTENT = PAGE_KINDS.filter(kind => kind.main(SAMPLE).length > 0)

/** Page kinds whose server render has nothing to fail on but parts (or nothing at all). */
export const PAGE_KINDS_WITHOUT_CONTENT = PAGE_KINDS.filter(kind => kind.main(SAMPLE).length === 0)

/** Page kinds with parts that may fail alone. */
export const PAGE_KINDS_WITH_PARTS = PAGE_KINDS.filter(kind => Object.keys(kind.parts(SAMPLE)).length > 0)

/** Page kinds that load their main content in the browser. */
export const PAGE_KINDS_LOADED_IN_BROWSER = PAGE_KINDS.filter(kind => (kind.browserMain?.(SAMPLE).length ?? 0) > 0)
