import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useApi } from '~/composables/core/useApi'
import { productService } from '~/services/productService'
import { browserService } from '~/stores/resources/browserService'
import type { Review } from '~/services/domain/review'
import { createCursorList } from '~/stores/resources/cursorList'

export const REVIEWS_PAGE_SIZE = 5
export const REVIEWS_TTL_MS = 5 * 60_000

/** Each product's reviews: reviews by id, one cursor list of ids per product. */
export const useReviewStore = defineStore('catalog-reviews', () => {
  const api = useApi()
  const service = import.meta.client ? browserService(() => import('~/services/productService').then(m => m.productService(api))) : productService(api)
  const byId = ref<Record<number, Review>>({})

  const list = createCursorList<number, Review>({
    fetchPage: (productId, page) => service.reviews(productId, page),
    keep: (reviews) => {
      for (const review of reviews) byId.value[review.id] = review
    },
    idOf: review => review.id,
    keyOf: String,
    ttlMs: REVIEWS_TTL_MS,
    pageSize: REVIEWS_PAGE_SIZE,
  })

  return {
    byId,
    lists: list.lists,
    listFor: list.get,
    fetchFirst: list.fetchFirst,
    loadMore: list.loadMore,
    retry: list.retry,
  }
})
