import type { ProductQuery } from '~/services/domain/product'

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

/** A stable string for a query: keys in fixed order. */
export function queryKey(query: ProductQuery): string {
  const q = normalizeQuery(query)
  const keys = Object.keys(q).sort() as (keyof ProductQuery)[]
  return keys.map(k => `${k}=${Array.isArray(q[k]) ? (q[k] as string[]).join(',') : String(q[k])}`).join('&') || 'all'
}
