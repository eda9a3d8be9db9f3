import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useApi } from '~/composables/core/useApi'
import { productService } from '~/services/productService'
import type { ProductDetail, ProductSummary } from '~/services/domain/product'
import { createKeyedResource, type LoadOptions, type ResourceState } from './keyedResource'
import { useProductStore } from './products'

export const DETAIL_TTL_MS = 5 * 60_000
/** Related products shown under a product (one more is fetched in case the product itself is among them). */
export const RELATED_COUNT = 8

/** Product pages: full details per id, and "more from this category" per id. */
export const useProductDetailStore = defineStore('catalog-product-detail', () => {
  const service = productService(useApi())
  const products = useProductStore()
  const details = ref<Record<string, ResourceState<ProductDetail>>>({})
  const related = ref<Record<string, ResourceState<number[]>>>({})
  const detailResource = createKeyedResource(details, DETAIL_TTL_MS)
  const relatedResource = createKeyedResource(related, DETAIL_TTL_MS)

  function detailFor(id: number): ResourceState<ProductDetail> | undefined {
    return details.value[String(id)]
  }

  /** The summary a list already loaded, to show something at once while the details load. */
  function summaryFor(id: number): ProductSummary | undefined {
    return products.byId[id]
  }

  function fetchDetail(id: number, options?: LoadOptions): Promise<ResourceState<ProductDetail>> {
    return detailResource.load(String(id), signal => service.get(id, { signal }), options)
  }

  function fetchRelated(product: Pick<ProductSummary, 'id' | 'category'>, options?: LoadOptions): Promise<ResourceState<number[]>> {
    return relatedResource.load(String(product.id), async (signal) => {
      const page = await service.list({ category: product.category.slug, sort: 'rating' }, { pageSize: RELATED_COUNT + 1, signal })
      products.upsert(page.items)
      return page.items.map(p => p.id).filter(id => id !== product.id).slice(0, RELATED_COUNT)
    }, options)
  }

  function relatedFor(id: number): ProductSummary[] {
    const ids = related.value[String(id)]?.data ?? []
    return ids.map(i => products.byId[i]).filter((p): p is ProductSummary => !!p)
  }

  return { details, related, detailFor, summaryFor, fetchDetail, fetchRelated, relatedFor }
})
