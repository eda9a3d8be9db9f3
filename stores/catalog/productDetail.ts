import { defineStore } from 'pinia'
import { useApi } from '~/composables/core/useApi'
import { useRenderSanitizer } from '~/composables/ssr/useRenderSanitizer'
import { productService } from '~/services/productService'
import { browserService } from '~/stores/resources/browserService'
import type { ProductDetail, ProductQuery, ProductSummary } from '~/services/domain/product'
import { queryKey } from '~/services/domain/productQuery'
import { createCursorList, type CursorListState } from '~/stores/resources/cursorList'
import { createKeyedResource, type LoadOptions, type ResourceState } from '~/stores/resources/keyedResource'
import { useProductStore } from './products'

export const DETAIL_TTL_MS = 5 * 60_000
/** Related products shown under a product (one more is fetched in case the product itself is among them). */
export const RELATED_COUNT = 8

/** "More from this category": its best rated products. */
function relatedQuery(product: Pick<ProductSummary, 'category'>): ProductQuery {
  return { category: product.category.slug, sort: 'rating' }
}

/** Product pages: full details per id, and "more from this category" as one short list per category. */
export const useProductDetailStore = defineStore('catalog-product-detail', () => {
  // A render sanitizes descriptions with the server process's remembering sanitizer (useRenderSanitizer).
  const api = useApi()
  const service = import.meta.client ? browserService(() => import('~/services/productService').then(m => m.productService(api))) : productService(api, { sanitizeHtml: useRenderSanitizer() })
  const products = useProductStore()
  const detail = createKeyedResource<ProductDetail>({ ttlMs: DETAIL_TTL_MS })
  // Its own lists, so a listing of the same category keeps its own page size; the summaries go to the product store.
  const related = createCursorList<ProductQuery, ProductSummary>({
    fetchPage: (query, page) => service.list(query, page),
    keep: products.upsert,
    idOf: product => product.id,
    keyOf: queryKey,
    ttlMs: DETAIL_TTL_MS,
    pageSize: RELATED_COUNT + 1,
  })

  function detailFor(id: number): ResourceState<ProductDetail> | undefined {
    return detail.get(String(id))
  }

  /** The summary a list already loaded, to show something at once while the details load. */
  function summaryFor(id: number): ProductSummary | undefined {
    return products.byId[id]
  }

  function fetchDetail(id: number, options?: LoadOptions): Promise<ResourceState<ProductDetail>> {
    return detail.load(String(id), signal => service.get(id, { signal }), options)
  }

  function fetchRelated(product: Pick<ProductSummary, 'id' | 'category'>, options?: LoadOptions): Promise<CursorListState<ProductQuery>> {
    return related.fetchFirst(relatedQuery(product), options)
  }

  /** The related list of a product (its category's best rated, the product itself among them or not). */
  function relatedListFor(id: number): CursorListState<ProductQuery> | undefined {
    const product = detailFor(id)?.data ?? products.byId[id]
    return product ? related.get(relatedQuery(product)) : undefined
  }

  return { details: detail.entries, related: related.lists, detailFor, summaryFor, fetchDetail, fetchRelated, relatedListFor }
})
