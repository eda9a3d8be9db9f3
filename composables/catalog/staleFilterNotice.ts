import type { DroppedFilter } from '~/services/domain/droppedFilters'

// The sentences of CatalogStaleFilters: what the listing left out of the shopper's link, and why. Loaded with it,
// only when a listing corrected its filters.

/** ‘a’, ‘a’ and ‘b’, ‘a’, ‘b’ and ‘c’: the values as the shopper's link had them. */
function quoted(values: readonly string[]): string {
  const each = values.map(value => `‘${value}’`)
  return each.length > 1 ? `${each.slice(0, -1).join(', ')} and ${each.at(-1)}` : (each[0] ?? '')
}

/** One removed thing (a brand, a category) or several, each named. */
function gone(noun: readonly [one: string, several: string], values: readonly string[]): string {
  return values.length > 1
    ? `The ${noun[1]} ${quoted(values)} are no longer available, so they were left out.`
    : `The ${noun[0]} ${quoted(values)} is no longer available, so it was left out.`
}

/** What the notice says for the values a listing left out, one sentence per kind of filter; none for none. */
export function staleFilterSentences(dropped: readonly DroppedFilter[]): string[] {
  const valuesOf = (filter: DroppedFilter['filter']) => [...new Set(dropped.filter(item => item.filter === filter).map(item => item.value))]
  const brands = valuesOf('brands')
  const categories = valuesOf('category')
  const out: string[] = []
  if (brands.length) out.push(gone(['brand', 'brands'], brands))
  if (categories.length) out.push(gone(['category', 'categories'], categories))
  if (valuesOf('minRating').length) out.push('The rating filter was not valid, so it was left out.')
  if (valuesOf('inStock').length) out.push('The in-stock filter was not valid, so it was left out.')
  // One sentence for both ends of the price range.
  if (valuesOf('minPrice').length || valuesOf('maxPrice').length) out.push('The price filter was not a valid amount, so it was left out.')
  if (valuesOf('sort').length) out.push('The sort order was not available, so the newest products come first.')
  return out
}
