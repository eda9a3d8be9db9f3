import type { ApiClient } from '~/composables/core/api/types'
import type { FacetsDto, SuggestionDto } from './dto'
import type { ProductSummary } from './domain/product'
import type { SearchVocabulary, SuggestResult } from './domain/search'
import { productService } from './productService'
import { toSearchVocabulary, toSuggestions } from './mappers/suggest'

/** How many products a suggestion round shows with thumbnail and price. */
export const SUGGEST_PRODUCT_LIMIT = 4

export interface SuggestRequest {
  signal?: AbortSignal
  /** Products the client already holds (e.g. the product store), to enrich product entries without a request. */
  known?: ReadonlyMap<number, ProductSummary>
}

/**
 * Search endpoints; stateless.
 *
 * The suggest DTO has no thumbnail or price, so one suggestion round is two parallel requests under one
 * abort signal: `/products/suggest/?q=` and `/products/?search=q&page_size=4`. The second is the same list
 * the results page will show first, so product rows are never blank even on a cold store, and the round still
 * costs one round-trip of latency. (Enriching only from the store would leave most rows without a picture;
 * fetching `/products/{id}/` per entry would be up to 10 requests.)
 */
export function searchService(api: ApiClient) {
  const products = productService(api)

  return {
    async suggest(query: string, request: SuggestRequest = {}): Promise<SuggestResult> {
      const [dtos, preview] = await Promise.all([
        api.get<SuggestionDto[]>('/products/suggest/', { q: query }, { signal: request.signal }),
        products.list({ search: query }, { pageSize: SUGGEST_PRODUCT_LIMIT, signal: request.signal }),
      ])
      const known = new Map(request.known)
      for (const product of preview.items) known.set(product.id, product)
      const suggestions = toSuggestions(Array.isArray(dtos) ? dtos : [], known)
      // Products the backend ranks come first; the preview fills the remaining product slots.
      const listed = new Set(suggestions.flatMap(s => (s.kind === 'product' ? [s.id] : [])))
      for (const product of preview.items) {
        const productRows = suggestions.filter(s => s.kind === 'product').length
        if (productRows >= SUGGEST_PRODUCT_LIMIT) break
        if (listed.has(product.id)) continue
        suggestions.push({ kind: 'product', text: product.title, id: product.id, slug: product.slug, product })
      }
      return { query, suggestions }
    },

    /** Every category and brand with its product count: the unfiltered facets. */
    async vocabulary(signal?: AbortSignal): Promise<SearchVocabulary> {
      const dto = await api.get<FacetsDto>('/products/facets/', undefined, { signal })
      return toSearchVocabulary(dto)
    },
  }
}

export type SearchService = ReturnType<typeof searchService>
