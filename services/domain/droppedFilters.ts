import type { ProductQuery } from './product'

// Loaded only when a listing's filters are refused (useStaleFilters), so it imports nothing at run time: importing
// a module of the first view from a lazy chunk lists that module's chunks in the first view's preload maps.

/** Filters a listing can leave out when the backend says their value names nothing (./staleFilters.ts). */
export type DroppableFilter = 'brands' | 'category' | 'minPrice' | 'maxPrice' | 'minRating' | 'inStock' | 'sort'

/** One value left out of a listing's query: a brand of several, or the whole filter. */
export interface DroppedFilter {
  filter: DroppableFilter
  /** The value as the query had it (a brand or category slug, a price in minor units, ...). */
  value: string
}

/**
 * A normalized query (productQuery.ts) without those values, everything else as it was: normalized still, in the
 * same key order, so `JSON.stringify` of it is a key like that of any query read from a URL.
 */
export function withoutDropped(query: ProductQuery, dropped: readonly DroppedFilter[]): ProductQuery {
  const out: ProductQuery = { ...query }
  for (const { filter, value } of dropped) {
    if (filter === 'brands') out.brands = out.brands?.filter(brand => brand !== value)
    else out[filter] = undefined
  }
  return Object.fromEntries(Object.entries(out).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))) as ProductQuery
}
