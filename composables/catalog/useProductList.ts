import { computed, toRaw, toValue, watch, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { useProductStore, type ProductListState } from '~/stores/catalog/products'
import { normalizeQuery } from '~/services/domain/productQuery'
import type { ProductQuery, ProductSummary } from '~/services/domain/product'
import { useListView, type ListView } from '~/composables/pagination/useListView'
import { useStoreLoad } from '~/composables/ssr/useStoreLoad'

export interface UseProductListOptions {
  /** Start the list at this cursor (a server-rendered component page, `?cursor=`); null/undefined = from the start. */
  startCursor?: MaybeRefOrGetter<string | null | undefined>
  /** Page size for this list (1..100); the store's default otherwise. */
  pageSize?: MaybeRefOrGetter<number | undefined>
  /** Reuse window for a loaded list, in ms; the store's default (5 minutes) otherwise. */
  ttlMs?: number
}

export interface UseProductListReturn extends ListView<ProductSummary> {
  /** The store's list (cursors, page offsets), for crawlable pagination links and the address bar. */
  list: ComputedRef<ProductListState | undefined>
  /** Loads the current query's first page (another query than the one the page started with, on the server). */
  reload: () => Promise<void>
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
  // Usually the query's own key; a list that already walked the cursor's page is reused (see keyFor).
  const key = computed(() => store.resolveKey(current.value, view.value))
  const list = computed(() => store.lists[key.value])

  const apply = async (): Promise<void> => {
    await store.applyFilters(current.value, view.value)
  }

  // Filters changed (URL, back/forward): switch lists; the store answers from cache when it can.
  watch(key, () => { void apply() })

  const result: UseProductListReturn = {
    ...useListView({
      state: () => {
        // One dependency on the store's revision rather than one per product: this list can hold thousands.
        void store.revision
        return list.value
      },
      item: id => toRaw(store.byId)[id],
      loadMore: () => store.loadMore(current.value, view.value),
      retry: () => store.retry(current.value, view.value),
    }),
    list,
    reload: apply,
  }

  // The server waits for the first page; a client navigation does not (skeletons show), see useStoreLoad.
  await useStoreLoad(`catalog:list:${key.value}`, apply)
  return result
}
