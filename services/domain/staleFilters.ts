import type { ApiErrorData } from '~/composables/core/api/ApiError'
import type { ProductQuery } from './product'
import type { DroppedFilter, DroppableFilter } from './droppedFilters'

// A listing link outlives what it names: a brand or category removed since it was bookmarked, an old crawler link,
// a hand-edited price. django-filter answers such a query with 400 and field errors naming the parameters
// (`{"brand": ["Select a valid choice. gone is not one of the available choices."]}`, `{"min_price": ["Enter a
// number."]}`). This reads which of the query's filters those are, so the listing can show the rest instead of an
// error. Loaded only when a listing fails (not in any first view); type imports only, so loading it moves no module
// of the listings' first view into a chunk of its own.

/** Backend filter parameter (services/mappers/product.ts) -> the query's filter. */
const PARAMS: Readonly<Record<string, DroppableFilter>> = {
  brand: 'brands',
  category: 'category',
  min_price: 'minPrice',
  max_price: 'maxPrice',
  min_rating: 'minRating',
  in_stock: 'inStock',
  ordering: 'sort',
}

/** Brands a message names ("Select a valid choice. gone is not one ..."); all of them when it names none. */
function namedBrands(messages: readonly string[], brands: readonly string[]): string[] {
  const words = new Set(messages.join(' ').split(/[\s"'“”‘’.,:;]+/))
  const named = brands.filter(brand => words.has(brand))
  return named.length ? named : [...brands]
}

/**
 * The values of a (normalized) query a 400 says are invalid, to leave out (useListingFilters' withoutDropped keeps
 * every other filter, the sort and the search term); empty when it is not such an answer: another status, no field
 * error that names a filter the query has, or only filters the page fixes itself (a category page's category).
 */
export function staleFilters(error: ApiErrorData | null, current: ProductQuery, fixed: ProductQuery = {}): DroppedFilter[] {
  if (!error || error.status !== 400) return []
  const dropped: DroppedFilter[] = []
  for (const [param, messages] of Object.entries(error.fieldErrors)) {
    const filter = PARAMS[param]
    if (!filter || fixed[filter] !== undefined || current[filter] === undefined) continue
    if (filter === 'brands') {
      for (const brand of namedBrands(messages, current.brands ?? [])) dropped.push({ filter, value: brand })
    }
    else {
      dropped.push({ filter, value: String(current[filter]) })
    }
  }
  return dropped
}
