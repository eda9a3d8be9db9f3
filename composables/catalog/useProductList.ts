import { computed, toRaw, toValue, watch, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { useProductStore, type ListStatus, type ProductListState } from '~/stores/catalog/products'
import { normalizeQuery } from '~/stores/catalog/queryKey'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import type { ProductQuery, ProductSummary } from '~/services/domain/product'
import { useStoreLoad } from '~/composables/ssr/useStoreLoad'

export interface UseProductListOptions {
  /** Start the list at this cursor (a server-rendered component page, `?cursor=`); null/undefined = from the start. */
  startCursor?: MaybeRefOrGetter<string | null | undefined>
  /** Page size for this list (1..100); the store's default otherwise. */
  pageSize?: MaybeRefOrGetter<number | undefined>
  /** Reuse window for a loaded list, in ms; the store's default (5 minutes) otherwise. */
  ttlMs?: number
}

export interface UseProductListReturn {
  /** Products of the current query, in list order, each id once. */
  products: ComputedRef<ProductSummary[]>
  /** Lifecycle of the current list: idle (more to load), loading, error, done. */
  status: ComputedRef<ListStatus>
  /** The last failure, for a message and a retry button. */
  error: ComputedRef<ApiErrorData | null>
  /** Whether another page exists. */
  hasNext: ComputedRef<boolean>
  /** The store's list (cursors, page offsets), for crawlable pagination links. */
  list: ComputedRef<ProductListState | undefined>
  /** Loads the next page (coalesced in the store). */
  loadMore: () => Promise<void>
  /** Re-runs whatever failed: the first page or the next one. */
  retry: () => Promise<void>
  /** Refetches the first page, ignoring the cache. */
  refresh: () => Promise<void>
}

/**
 * Binds a page to the product store for one (reactive) query. The first page is loaded during SSR and travels in
 * the Pinia payload, so hydration makes no request; on client navigation the page renders at once (from the store
 * when the list is cached, e.g. after "back") and loads in the background otherwise.
 * Await it: on the server it resolves once the first page is in the store.
 */
export async function useProductList(query: MaybeRefOrGetter<ProductQuery>, options: UseProductListOptions = {}): Promise<UseProductListReturn> {
  const store = useProductStore()
  const current = computed(() => normalizeQuery(toValue(query)))
  const view = computed(() => ({ startCursor: toValue(options.startCursor) ?? null, pageSize: toValue(options.pageSize), ttlMs: options.ttlMs }))
  // Usually listKey(query, cursor); a list that already holds the cursor's page is reused (see store.resolveKey).
  const key = computed(() => store.resolveKey(current.value, view.value.startCursor))
  const list = computed(() => store.lists[key.value])

  const apply = async (): Promise<void> => {
    await store.applyFilters(current.value, view.value)
  }

  // Filters changed (URL, back/forward): switch lists; the store answers from cache when it can.
  watch(key, () => { void apply() })

  // One dependency on the store's revision rather than one per product: this list can hold thousands.
  const products = computed(() => {
    void store.revision
    const ids = list.value?.ids ?? []
    const byId = toRaw(store.byId)
    const out: ProductSummary[] = []
    for (const id of ids) {
      const product = byId[id]
      if (product) out.push(product)
    }
    return out
  })

  const result: UseProductListReturn = {
    products,
    status: computed(() => list.value?.status ?? 'loading'),
    error: computed(() => list.value?.error ?? null),
    hasNext: computed(() => list.value?.hasNext ?? false),
    list,
    loadMore: () => store.loadMore(current.value, view.value),
    retry: async () => {
      if (list.value?.fetchedAt) await store.loadMore(current.value, view.value)
      else await store.fetchFirst(current.value, { ...view.value, force: true })
    },
    refresh: async () => {
      await store.fetchFirst(current.value, { ...view.value, force: true })
    },
  }

  // The server waits for the first page; a client navigation does not (skeletons show), see useStoreLoad.
  await useStoreLoad(`catalog:list:${key.value}`, apply)
  return result
}
