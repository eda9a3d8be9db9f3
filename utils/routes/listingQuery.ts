import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { fromMinorUnits, toMinorUnits } from '~/utils/format/money'
import { MIN_RATINGS, PRODUCT_SORTS, type ProductQuery, type ProductSort } from '~/services/domain/product'
import { normalizeQuery } from '~/services/domain/productQuery'
import { isWellFormedCursor } from '~/services/domain/pagination'
import { searchTermInQuery } from './searchTerm'
import { isSlug } from './slug'

// The listing's URL schema, shared by /products, /categories/[slug] and /search. Prices are decimal strings in the
// shop currency so a shopper can read and edit them; everything else is a slug or a small number.
//   q, category, brand (repeated), min_price, max_price, rating, in_stock=1, sort, cursor, from, page_size
// `from` travels with `cursor` on links the storefront makes (its "next" links, the address bar): the cursor of the
// page before, so that page can link back without asking the backend for a `previous` page.

/** What a listing URL says: the filters, plus where the list starts and how big its pages are (not filters). */
export interface ListingUrlState {
  query: ProductQuery
  /** Server-rendered component page: the list starts at this cursor. */
  cursor: string | null
  /** With `cursor`: the cursor of the page before it; null when that is the first page (or nobody said). */
  from: string | null
  pageSize: number | undefined
}

export const SHOP_CURRENCY = 'USD'
/** DRF's max_page_size here: a bigger `page_size` is the largest page, as the backend would answer. */
export const MAX_PAGE_SIZE = 100
/** More brands than any filter panel offers at once; the rest of a longer list is ignored. */
export const MAX_BRANDS = 30
const MAX_PRICE_TEXT = 16

// A brand or category that is not a slug (./slug.ts) names nothing, so it is not sent: a listing URL with
// `brand=<script>` lists what the other filters say.
function first(value: LocationQuery[string] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined
}

function all(value: LocationQuery[string] | undefined): string[] {
  const values = Array.isArray(value) ? value : [value]
  return values.flatMap(v => (typeof v === 'string' ? v.split(',') : [])).map(v => v.trim()).filter(Boolean)
}

function slugs(value: LocationQuery[string] | undefined): string[] {
  return [...new Set(all(value).filter(isSlug))].slice(0, MAX_BRANDS)
}

function slug(value: string | undefined): string | undefined {
  return value !== undefined && isSlug(value) ? value : undefined
}

function cursor(value: string | undefined): string | null {
  // A malformed cursor is kept: the list refuses it (a 404, "this page of results does not exist") without asking
  // the backend, rather than showing the first page under a URL that names another.
  return value ?? null
}

function pageSize(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,9}$/.test(value)) return undefined
  const size = Number(value)
  return size >= 1 ? Math.min(size, MAX_PAGE_SIZE) : undefined
}

function price(value: string | undefined): number | undefined {
  if (value === undefined || value.length > MAX_PRICE_TEXT) return undefined
  try {
    const minor = toMinorUnits(value, SHOP_CURRENCY)
    return minor >= 0 ? minor : undefined
  }
  catch {
    return undefined
  }
}

function isSort(value: string | undefined): value is ProductSort {
  return value !== undefined && (PRODUCT_SORTS as readonly string[]).includes(value)
}

/** URL query -> listing state. Anything malformed is ignored rather than failing the page. */
export function parseListingQuery(query: LocationQuery): ListingUrlState {
  const rating = Number(first(query.rating))
  const sort = first(query.sort)
  const start = cursor(first(query.cursor))
  const from = first(query.from)
  const parsed: ProductQuery = {
    search: searchTermInQuery(query) || undefined,
    category: slug(first(query.category)),
    brands: slugs(query.brand),
    minPrice: price(first(query.min_price)),
    maxPrice: price(first(query.max_price)),
    // Only what the rating filter offers: `rating=5` would filter the listing with no choice shown as made.
    minRating: MIN_RATINGS.includes(rating) ? rating : undefined,
    inStock: ['1', 'true'].includes(first(query.in_stock) ?? '') || undefined,
    sort: isSort(sort) ? sort : undefined,
  }
  return {
    query: normalizeQuery(parsed),
    cursor: start,
    from: start && from && isWellFormedCursor(from) ? from : null,
    pageSize: pageSize(first(query.page_size)),
  }
}

/**
 * Listing state -> URL query, in a fixed key order so equal filters always give the same (shareable) URL.
 * `fixed` names filters the route itself carries (the category of /categories/[slug]).
 */
export function toListingQuery(state: Partial<ListingUrlState>, fixed: ReadonlyArray<keyof ProductQuery> = []): LocationQueryRaw {
  const skip = new Set(fixed)
  const full = normalizeQuery(state.query ?? {})
  const q = Object.fromEntries(Object.entries(full).filter(([key]) => !skip.has(key as keyof ProductQuery))) as ProductQuery
  const out: LocationQueryRaw = {}
  if (q.search) out.q = q.search
  if (q.category) out.category = q.category
  if (q.brands?.length) out.brand = q.brands
  if (q.minPrice !== undefined) out.min_price = fromMinorUnits(q.minPrice, SHOP_CURRENCY)
  if (q.maxPrice !== undefined) out.max_price = fromMinorUnits(q.maxPrice, SHOP_CURRENCY)
  if (q.minRating) out.rating = String(q.minRating)
  if (q.inStock) out.in_stock = '1'
  if (q.sort) out.sort = q.sort
  if (state.pageSize !== undefined) out.page_size = String(state.pageSize)
  if (state.cursor) out.cursor = state.cursor
  if (state.cursor && state.from) out.from = state.from
  return out
}
