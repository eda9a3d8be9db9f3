// Choices a real Django REST Framework backend may make differently from the standard demo. The storefront and the
// contract suite must work with every one of them; `npm test` runs the contract suite against both presets.

export interface DemoProfile {
  /**
   * 'keyset': a cursor is a (sort key, id) position, so `previous` gives back exactly the page you came from.
   * 'drf': DRF 3.14's CursorPagination - the position of the first ordering field plus an offset within a run of
   * equal values (capped at 1000). Walking `next` is complete; `previous` lands elsewhere inside long runs of ties.
   * 'page-number' / 'limit-offset': DRF's PageNumberPagination (`?page=N`, `page_size` honoured) or
   * LimitOffsetPagination (`?limit=&offset=`), both with a `count`, as with either as the global
   * DEFAULT_PAGINATION_CLASS: products, reviews, orders, wishlist (and categories when paginated) page that way.
   */
  pagination: 'keyset' | 'drf' | 'page-number' | 'limit-offset'
  /**
   * false: DRF's stock error bodies, `{"detail": "..."}` without a code on 400 parse/401/403/404/405/429/500.
   * true: those bodies also carry DRF's default_code, as projects with a custom EXCEPTION_HANDLER send.
   */
  errorCodes: boolean
  /**
   * false: GET /categories/ is one flat list (a router whose view sets no pagination). true: it is paginated like
   * every list (`{next, previous, results}`, 24 a page, the profile's cursor style), as DRF does for every list view
   * once REST_FRAMEWORK's DEFAULT_PAGINATION_CLASS is set globally.
   */
  paginatedCategories: boolean
  /**
   * false: GET /shipping-methods/ is one flat list. true: it is paginated by DRF's PageNumberPagination, 2 a page
   * (`{count, next, previous, results}`, `?page=N`), as a view with its own `pagination_class` does (or any view
   * under a global DEFAULT_PAGINATION_CLASS of that style): the third method, "Store pickup", is on page 2, so a
   * client that reads only the first page can never offer it.
   */
  paginatedShippingMethods: boolean
  /** 'number': `rating` as a JSON number (4.2); 'string': as a DRF DecimalField serializes it ("4.20"). */
  decimals: 'number' | 'string'
  /** 'lazy': GET /cart/ stores nothing until the first write; 'create': it stores the empty guest cart (get_or_create). */
  guestCartOnRead: 'lazy' | 'create'
  /**
   * Absolute base of image URLs, like Django's MEDIA_URL on another host or a CDN (e.g. "https://cdn.example.com/media").
   * null: the API's own `/media/`, on the host the client called.
   */
  mediaBase: string | null
  /**
   * How POST /orders/ de-duplicates by Idempotency-Key (handlers/orderIdempotency.ts; docs/checkout.md):
   * - 'demo': the contract's: per user and key, a replay is 201 + `Idempotent-Replayed: true`, only a created order
   *   consumes the key, the same key with another body is 409 `idempotency_key_reused`;
   * - 'django-idempotency-key': the package's defaults: the key is key + method + path + body + Authorization (so a
   *   refreshed token makes a new request), requests are serialized by a lock, only 2xx answers are stored and a
   *   replay is 409 with the original body;
   * - 'stripe': per user and key, every answer past validation is stored (declines and 500s too) and replayed with
   *   `Idempotent-Replayed: true`; 409 while the first request runs; 400 for the key with other parameters;
   * - 'ietf-draft': draft-ietf-httpapi-idempotency-key-header: 409 while the first request runs, 422 for the key
   *   with another body, final answers stored and replayed.
   */
  idempotency: 'demo' | 'django-idempotency-key' | 'stripe' | 'ietf-draft'
  /** How long placing an order takes (ms): long enough for concurrent requests to meet one in flight. */
  orderProcessingMs: number
  /**
   * false: an unknown brand or category slug on GET /products/ (and /products/facets/) matches nothing (an empty list).
   * true: 400 with django-filter's field error, as its ModelChoiceFilter / ModelMultipleChoiceFilter answer
   * (tests/drf-real/fixtures/products-unknown-brand-400.json): `{"brand": ["Select a valid choice. x is not one of
   * the available choices."]}`, the first unknown value named.
   */
  strictFilterChoices: boolean
}

export const STANDARD_PROFILE: Readonly<DemoProfile> = Object.freeze({
  pagination: 'keyset',
  paginatedCategories: false,
  paginatedShippingMethods: false,
  errorCodes: false,
  decimals: 'number',
  guestCartOnRead: 'lazy',
  mediaBase: null,
  idempotency: 'demo',
  orderProcessingMs: 0,
  strictFilterChoices: false,
})

/**
 * Every alternative at once: DRF's CursorPagination (categories paginated too), shipping methods in numbered pages,
 * coded errors, decimal strings, guest carts created on read, unknown filter choices refused (400) as django-filter does.
 */
export const DRF_VARIANTS_PROFILE: Readonly<DemoProfile> = Object.freeze({
  pagination: 'drf',
  paginatedCategories: true,
  paginatedShippingMethods: true,
  errorCodes: true,
  decimals: 'string',
  guestCartOnRead: 'create',
  mediaBase: null,
  idempotency: 'demo',
  orderProcessingMs: 0,
  strictFilterChoices: true,
})

/** The standard demo with every list paged in another of DRF's pagination styles. */
function paginationProfile(pagination: DemoProfile['pagination']): Readonly<DemoProfile> {
  return Object.freeze({ ...STANDARD_PROFILE, pagination })
}

/** The standard demo answering POST /orders/ as another idempotency implementation does. */
function idempotencyProfile(idempotency: DemoProfile['idempotency']): Readonly<DemoProfile> {
  return Object.freeze({ ...STANDARD_PROFILE, idempotency, orderProcessingMs: 150 })
}

export const DEMO_PROFILES = {
  'standard': STANDARD_PROFILE,
  'drf-variants': DRF_VARIANTS_PROFILE,
  'drf-page-number': paginationProfile('page-number'),
  'drf-limit-offset': paginationProfile('limit-offset'),
  'idempotency-django': idempotencyProfile('django-idempotency-key'),
  'idempotency-stripe': idempotencyProfile('stripe'),
  'idempotency-ietf': idempotencyProfile('ietf-draft'),
} as const
export type DemoProfileName = keyof typeof DEMO_PROFILES

/** A named preset ("standard" when empty), or a clear error naming the valid ones. */
export function profileNamed(name: string | undefined): Readonly<DemoProfile> {
  if (!name) return STANDARD_PROFILE
  if (name in DEMO_PROFILES) return DEMO_PROFILES[name as DemoProfileName]
  throw new Error(`Unknown demo profile "${name}"; use one of: ${Object.keys(DEMO_PROFILES).join(', ')}`)
}
