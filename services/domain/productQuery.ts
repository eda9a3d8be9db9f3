import type { ProductQuery } from './product'

// Product queries as values: one canonical form, so equal queries share one list, one cache entry, one URL.

/**
 * Canonical form of a query: empty values dropped, brands sorted and de-duplicated, default sort omitted,
 * so that equal queries share one list (and one cache entry).
 */
export function normalizeQuery(query: ProductQuery): ProductQuery {
  const out: ProductQuery = {}
  const search = query.search?.trim().replace(/\s+/g, ' ')
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
