import { productPath, categoryPath } from '../../../utils/routes/catalogPaths'
import { searchPath } from '../../../utils/routes/searchPaths'
import { ACCOUNT_PATH, CATEGORIES_PATH, HOME_PATH, PRODUCTS_PATH, REGISTER_PATH, SIGN_IN_PATH } from '../../../utils/routes/paths'

/** A backend call as the demo's fault rules name it (docs/demo-backend.md): a glob over the path, and a method. */
export interface BackendCall {
  path_pattern: string
  method?: string
}

/** What a page kind needs from the catalog the suite runs against. */
export interface Catalog {
  product: { id: number, slug: string }
  categorySlug: string
  /** A word that finds products (for search). */
  searchWord: string
}

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
}

const LIST: BackendCall = { path_pattern: '/products/', method: 'GET' }
const FACETS: BackendCall = { path_pattern: '/products/facets/', method: 'GET' }
const CATEGORIES: BackendCall = { path_pattern: '/categories/', method: 'GET' }

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
  // The commerce pages are one entry each once they are on main (docs/chaos.md, "Adding a page kind"), e.g.
  //   { name: 'cart', path: () => CART_PATH, visitor: 'anonymous', cache: 'private',
  //     main: () => [{ path_pattern: '/cart/', method: 'GET' }], parts: () => ({}), failureText: /We could not load your cart/ },
  //   { name: 'checkout', path: () => CHECKOUT_PATH, visitor: 'signed-in', cache: 'private', main: () => [cart, shipping methods], ... },
  //   { name: 'orders', path: () => ORDERS_PATH, visitor: 'signed-in', cache: 'private', main: () => [{ path_pattern: '/orders/', method: 'GET' }], ... },
  //   { name: 'order', path: c => orderPath(c.orderId), visitor: 'signed-in', cache: 'private', main: c => [{ path_pattern: `/orders/${c.orderId}/` }], ... },
  //   { name: 'wishlist', path: () => WISHLIST_PATH, visitor: 'signed-in', cache: 'private', main: () => [{ path_pattern: '/wishlist/' }], ... },
]

/** Page kinds whose main content comes from the backend (the failure matrix runs on these). */
export const PAGE_KINDS_WITH_CONTENT = PAGE_KINDS.filter(kind => kind.main({ product: { id: 1, slug: 'x' }, categorySlug: 'x', searchWord: 'x' }).length > 0)
