import type { ProductQuery } from './product'

// Not in productQuery.ts, whose module is in the first view of pages without a listing (/, the product page): only
// the listings need this.

/**
 * How many filters a shopper would say are on (the narrow screen's "Filters, 2 active"): each brand, the price range
 * as one, the rating, availability, and a category unless it is the page itself (`fixed`: a category page's own).
 * The sort and a search's term are not: the sort narrows nothing, and search's "Clear all filters" keeps the term.
 * `query` in canonical form (normalizeQuery), where an empty value is absent.
 */
export function activeFilterCount({ brands = [], minPrice, maxPrice, minRating, inStock, category }: ProductQuery, fixed: ProductQuery): number {
  // A price of 0 is a price typed: counted.
  return [...brands, minPrice ?? maxPrice, minRating, inStock, category === fixed.category ? undefined : category].filter(value => value !== undefined).length
}
