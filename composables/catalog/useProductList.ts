import { computed, toValue, watch, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { useAsyncData } from '#app'
import { storeToRefs } from 'pinia'
import { useProductStore, type ListStatus } from '~/stores/catalog/products'
import { queryKey } from '~/stores/catalog/queryKey'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import type { ProductQuery, ProductSummary } from '~/services/domain/product'

export interface UseProductListReturn {
  /** Products of the current query, in list order. */
  products: ComputedRef<ProductSummary[]>
  /** Lifecycle of the current list: idle (more to load), loading, error, done. */
  status: ComputedRef<ListStatus>
  /** The last failure, for a message and a retry button. */
  error: ComputedRef<ApiErrorData | null>
  /** Whether another page exists. */
  hasNext: ComputedRef<boolean>
  /** Loads the next page (coalesced in the store). */
  loadMore: () => Promise<void>
  /** Re-runs whatever failed: the first page or the next one. */
  retry: () => Promise<void>
}

/**
 * Binds a page to the product store for one (reactive) query. The first page is loaded during SSR and
 * travels in the Pinia payload, so hydration makes no request.
 */
export async function useProductList(query: MaybeRefOrGetter<ProductQuery>): Promise<UseProductListReturn> {
  const store = useProductStore()
  const { byId } = storeToRefs(store)
  const current = computed(() => toValue(query))
  const list = computed(() => store.listFor(current.value))

  await useAsyncData(`products:${queryKey(current.value)}`, async () => {
    await store.fetchFirst(current.value)
    return true
  })

  watch(() => queryKey(current.value), () => {
    void store.applyFilters(current.value)
  })

  const products = computed(() => (list.value?.ids ?? []).map(id => byId.value[id]).filter((p): p is ProductSummary => !!p))

  return {
    products,
    status: computed(() => list.value?.status ?? 'loading'),
    error: computed(() => list.value?.error ?? null),
    hasNext: computed(() => list.value?.hasNext ?? false),
    loadMore: () => store.loadMore(current.value),
    retry: async () => {
      if (!list.value?.fetchedAt) await store.fetchFirst(current.value, { force: true })
      else await store.loadMore(current.value)
    },
  }
}
