import type { ProductQuery } from './product'

// Product queries as values: one canonical form, so equal queries share one list, one cache entry, one URL.

/** Longest search term sent to the backend; a longer one is cut (search boxes stop at it too). */
export const MAX_SEARCH_LENGTH = 200

// Controls (NUL included) and the invisible characters that change text direction or hide text: a search term needs
// none of them, and a direction override would turn the rest of a heading that repeats the term around.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu

/** A search term as it is searched for and shown: printable, single-spaced, at most MAX_SEARCH_LENGTH characters. */
export function cleanSearchTerm(raw: string): string {
  const clean = raw.replace(UNPRINTABLE, ' ').trim().replace(/\s+/g, ' ')
  // Cut by code point, so no half of a surrogate pair (an emoji) is left at the end.
  return Array.from(clean).slice(0, MAX_SEARCH_LENGTH).join('').trim()
}

/**
 * Canonical form of a query: empty values dropped, brands sorted and de-duplicated, default sort omitted,
 * so that equal queries share one list (and one cache entry).
 */
export function normalizeQuery(query: ProductQuery): ProductQuery {
  const out: ProductQuery = {}
  const search = query.search === undefined ? undefined : cleanSearchTerm(query.search)
  if (search) out.search = search
  if (query.category) out.category = query.category
  const brands = [...new Set(query.brands ?? [])].filter(Boolean).sort()
  if (brands.length) out.brands = brands
  if (query.minPrice !== undefined && Number.isFinite(query.minPrice)) out.minPrice = query.minPrice
  if (query.maxPrice !== undefined && Number.isFinite(query.maxPrice)) out.maxPrice = query.maxPrice
  if (query.minRating) out.minRating = query.minRating
  if (query.inStock) out.inStock = true
  if (query.sort && query.sort !== 'newest') out.sort = query.sort
  return out
}

/** A stable string for a query: keys in fixed order, values URI-encoded so no value can fake a separator. */
export function queryKey(query: ProductQuery): string {
  const q = normalizeQuery(query)
  const keys = Object.keys(q).sort() as (keyof ProductQuery)[]
  return keys.map((k) => {
    const value = q[k]
    return `${k}=${Array.isArray(value) ? value.map(encodeURIComponent).join(',') : encodeURIComponent(String(value))}`
  }).join('&') || 'all'
}

/** Facets do not depend on the sort, so queries that differ only by sort share their facets. */
export function facetsKey(query: ProductQuery): string {
  return queryKey({ ...query, sort: undefined })
}
