/** A filter value with the number of products it would match. */
export interface FacetCount {
  slug: string
  name: string
  count: number
}

export interface RatingFacet {
  /** "this many stars and up" */
  minRating: number
  count: number
}

/** Counts for the filter panel, for the current filters (each facet ignores its own filter). */
export interface ProductFacets {
  categories: FacetCount[]
  brands: FacetCount[]
  /** Price range of matching products in minor units; null when nothing matches. */
  price: { min: number | null, max: number | null }
  ratings: RatingFacet[]
}

/**
 * Number of products matching the filters, from the brand facet: every product has exactly one brand and the
 * brand facet ignores the brand filter, so the total is the sum over the selected brands (or over all of them).
 */
export function facetResultCount(facets: ProductFacets, selectedBrands: readonly string[] = []): number {
  const selected = new Set(selectedBrands)
  return facets.brands.reduce((sum, brand) => (selected.size === 0 || selected.has(brand.slug) ? sum + brand.count : sum), 0)
}
