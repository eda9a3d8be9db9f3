import type { ApiClient } from '~/composables/core/api/types'
import type { SuggestionDto } from './dto'
import type { ProductSummary } from './domain/product'
import type { ProductSuggestion, Suggestion, SuggestResult } from './domain/search'
import { productService } from './productService'
import { toSuggestions } from './mappers/suggest'
import { cleanSearchTerm } from './domain/productQuery'

/** How many product rows a suggestion round shows. */
export const SUGGEST_PRODUCT_LIMIT = 4

export interface SuggestRequest {
  signal?: AbortSignal
  /** Products the client already holds (the product store), to enrich product entries without a request. */
  known?: (id: number) => ProductSummary | undefined
}

/**
 * Product rows, best first: the backend's product suggestions we can show with picture and price, then the
 * preview products, then (only if rows are still missing) backend suggestions as text.
 */
export function rankProductRows(suggested: readonly ProductSuggestion[], preview: readonly ProductSummary[]): ProductSuggestion[] {
  const rows: ProductSuggestion[] = suggested.filter(s => s.product)
  const listed = new Set(rows.map(r => r.id))
  for (const product of preview) {
    if (listed.has(product.id)) continue
    listed.add(product.id)
    rows.push({ kind: 'product', text: product.title, id: product.id, slug: product.slug, product })
  }
  rows.push(...suggested.filter(s => !s.product && !listed.has(s.id)))
  return rows.slice(0, SUGGEST_PRODUCT_LIMIT)
}

/**
 * The suggest endpoint; stateless. (The vocabulary is the catalog's unfiltered facets: productService.facets.)
 *
 * The suggest DTO has no thumbnail or price, so one suggestion round is two parallel requests under one
 * abort signal: `/products/suggest/?q=` and `/products/?search=q&ordering=-rating&page_size=4` (the backend
 * ranks product suggestions by rating too, so the two mostly agree). Rows are never blank even on a cold store,
 * and the round costs one round-trip of latency. Enriching only from the store would leave most rows without a
 * picture; `/products/{id}/` per entry would be up to 10 requests.
 */
export function searchService(api: ApiClient) {
  const products = productService(api)

  return {
    async suggest(query: string, request: SuggestRequest = {}): Promise<SuggestResult> {
      const [dtos, preview] = await Promise.all([
        // The same printable, bounded term the preview list (normalizeQuery) searches for.
        api.get<SuggestionDto[]>('/products/suggest/', { q: cleanSearchTerm(query) }, { signal: request.signal }),
        products.list({ search: query, sort: 'rating' }, { pageSize: SUGGEST_PRODUCT_LIMIT, signal: request.signal }),
      ])
      const previewById = new Map(preview.items.map(p => [p.id, p]))
      const all = toSuggestions(Array.isArray(dtos) ? dtos : [], id => previewById.get(id) ?? request.known?.(id))
      const others: Suggestion[] = all.filter(s => s.kind !== 'product')
      const productRows = rankProductRows(all.filter((s): s is ProductSuggestion => s.kind === 'product'), preview.items)
      return { query, suggestions: [...others, ...productRows] }
    },
  }
}

export type SearchService = ReturnType<typeof searchService>
