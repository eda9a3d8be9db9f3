import { computed, toValue, watch, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import type { ProductDetail, ProductSummary } from '~/services/domain/product'
import type { ResourceStatus } from '~/stores/resources/keyedResource'
import { RELATED_COUNT, useProductDetailStore } from '~/stores/catalog/productDetail'
import { useListView, type ListView } from '~/composables/pagination/useListView'
import { useStoreLoad } from '~/composables/ssr/useStoreLoad'

export interface UseProductDetailReturn {
  /** The full product, once loaded. */
  product: ComputedRef<ProductDetail | null>
  /** What a list already knew (title, price, image): shown at once on client navigation while details load. */
  summary: ComputedRef<ProductSummary | null>
  status: ComputedRef<ResourceStatus>
  /** The failure, e.g. status 404 for an unknown product. */
  error: ComputedRef<ApiErrorData | null>
  /** Up to eight products from the same category, the product itself left out. */
  related: ListView<ProductSummary>
  /** Loads the product again after an error. */
  retry: () => Promise<void>
}

/**
 * One product page's data: details then related products, server-rendered and reused on hydration.
 * Await it: on the server it resolves once both are in the store.
 */
export async function useProductDetail(id: MaybeRefOrGetter<number>): Promise<UseProductDetailReturn> {
  const store = useProductDetailStore()
  const currentId = computed(() => toValue(id))
  const entry = computed(() => store.detailFor(currentId.value))

  async function load(force = false): Promise<void> {
    if (!(currentId.value > 0)) return
    const detail = await store.fetchDetail(currentId.value, { force })
    if (detail.data) await store.fetchRelated(detail.data)
  }
  watch(currentId, () => { void load() })

  const product = computed(() => entry.value?.data ?? null)
  const result: UseProductDetailReturn = {
    product,
    summary: computed(() => product.value ?? store.summaryFor(currentId.value) ?? null),
    status: computed(() => entry.value?.status ?? 'loading'),
    error: computed(() => entry.value?.error ?? null),
    related: useListView({
      state: () => store.relatedListFor(currentId.value),
      item: other => (other === currentId.value ? undefined : store.summaryFor(other)),
      limit: RELATED_COUNT,
      // An excerpt: nothing more loads under a product.
      loadMore: async () => {},
      retry: () => load(),
    }),
    retry: async () => { await load(true) },
  }
  await useStoreLoad(`catalog:product:${currentId.value}`, () => load())
  return result
}
