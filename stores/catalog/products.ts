import { defineStore } from 'pinia'
import { markRaw, ref } from 'vue'
import { useApi } from '~/composables/core/useApi'
import { productService } from '~/services/productService'
import { browserService } from '~/stores/resources/browserService'
import type { ProductQuery, ProductSummary } from '~/services/domain/product'
import { normalizeQuery, queryKey } from '~/services/domain/productQuery'
import { createCursorList, type CursorListState } from '~/stores/resources/cursorList'

/** One list of products for one canonical query. Serializable: it travels in the SSR payload. */
export type ProductListState = CursorListState<ProductQuery>

export const PAGE_SIZE = 24
/** The backend's upper bound (DRF page_size 1..100). */
export const MAX_PAGE_SIZE = 100
/** How long a loaded list is reused before fetchFirst refreshes it. */
export const LIST_TTL_MS = 5 * 60_000

/** Every product list (listings, categories, search): summaries by id, lists of ids on the cursor-list primitive. */
export const useProductStore = defineStore('products', () => {
  const api = useApi()
  const service = import.meta.client ? browserService(() => import('~/services/productService').then(m => m.productService(api))) : productService(api)

  /** Every product summary any list has loaded, shared by all lists. */
  const byId = ref<Record<number, ProductSummary>>({})
  /**
   * Bumped on every upsert. A view of thousands of products reads `toRaw(byId)` and depends on this one counter
   * instead of on every key (a dependency per product costs ~0.3 KB; 5,000 of them add up).
   */
  const revision = ref(0)

  // Summaries are replaced whole, never edited: markRaw spares Vue a deep proxy per product (thousands of them).
  function upsert(items: readonly ProductSummary[]): void {
    for (const item of items) byId.value[item.id] = markRaw(item)
    if (items.length) revision.value++
  }

  const list = createCursorList<ProductQuery, ProductSummary>({
    fetchPage: (query, page) => service.list(query, page),
    keep: upsert,
    idOf: product => product.id,
    keyOf: queryKey,
    normalize: normalizeQuery,
    ttlMs: LIST_TTL_MS,
    pageSize: PAGE_SIZE,
    maxPageSize: MAX_PAGE_SIZE,
  })

  return {
    byId,
    revision,
    lists: list.lists,
    upsert,
    resolveKey: list.keyFor,
    listFor: list.get,
    fetchFirst: list.fetchFirst,
    loadMore: list.loadMore,
    retry: list.retry,
    reset: list.reset,
    /** Switches the page's main list to another query (the previous one's request is cancelled). */
    applyFilters: list.activate,
  }
})
