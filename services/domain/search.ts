import type { FacetCount, ProductFacets } from './facets'
import type { ProductSummary } from './product'

/** A search phrase the backend proposes (popular or completed query). */
export interface QuerySuggestion {
  kind: 'query'
  text: string
}

export interface CategorySuggestion {
  kind: 'category'
  text: string
  slug: string
}

/** A product proposed by the backend; `product` carries thumbnail and price when we know them. */
export interface ProductSuggestion {
  kind: 'product'
  text: string
  id: number
  slug: string
  product: ProductSummary | null
}

export type Suggestion = QuerySuggestion | CategorySuggestion | ProductSuggestion

/** What one suggestion round returns for one query. */
export interface SuggestResult {
  /** The query these suggestions answer (as sent). */
  query: string
  suggestions: Suggestion[]
}

/** A category or brand with how many products carry it (a facet count). */
export type TermCount = FacetCount

/** The words the shop knows, from the unfiltered facets: what instant suggestions and "did you mean" match against. */
export type SearchVocabulary = Pick<ProductFacets, 'categories' | 'brands'>
