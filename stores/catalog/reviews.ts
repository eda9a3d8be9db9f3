import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useApi } from '~/composables/core/useApi'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import { productService } from '~/services/productService'
import type { Review } from '~/services/domain/review'
import type { ListStatus } from './products'
import { toErrorData } from './toErrorData'

export const REVIEWS_PAGE_SIZE = 5

/** A product's reviews as loaded so far. */
export interface ReviewListState {
  items: Review[]
  nextCursor: string | null
  hasNext: boolean
  status: ListStatus
  error: ApiErrorData | null
  fetchedAt: number
}

export const useReviewStore = defineStore('catalog-reviews', () => {
  const service = productService(useApi())
  const byProduct = ref<Record<string, ReviewListState>>({})
  // Per store instance: one request per product at a time.
  const inflight = new Map<string, Promise<void>>()

  function listFor(productId: number): ReviewListState | undefined {
    return byProduct.value[String(productId)]
  }

  function load(productId: number, first: boolean): Promise<void> {
    const key = String(productId)
    const running = inflight.get(key)
    if (running) return running
    byProduct.value[key] ??= { items: [], nextCursor: null, hasNext: true, status: 'idle', error: null, fetchedAt: 0 }
    const list = byProduct.value[key]
    if (!first && (!list.hasNext || list.fetchedAt === 0)) return Promise.resolve()
    list.status = 'loading'
    list.error = null
    const promise = (async () => {
      try {
        const page = await service.reviews(productId, { cursor: first ? null : list.nextCursor, pageSize: REVIEWS_PAGE_SIZE })
        const seen = new Set(first ? [] : list.items.map(r => r.id))
        const fresh = page.items.filter(r => !seen.has(r.id))
        list.items = first ? fresh : [...list.items, ...fresh]
        list.nextCursor = page.nextCursor
        list.hasNext = page.nextCursor !== null
        list.status = list.hasNext ? 'idle' : 'done'
        if (first) list.fetchedAt = Date.now()
      }
      catch (error) {
        list.status = 'error'
        list.error = toErrorData(error)
      }
      finally {
        inflight.delete(key)
      }
    })()
    inflight.set(key, promise)
    return promise
  }

  /** First page, unless already loaded (SSR payload, back navigation). */
  async function fetchFirst(productId: number): Promise<void> {
    if (listFor(productId)?.fetchedAt) return
    await load(productId, true)
  }

  function loadMore(productId: number): Promise<void> {
    return load(productId, false)
  }

  return { byProduct, listFor, fetchFirst, loadMore }
})
