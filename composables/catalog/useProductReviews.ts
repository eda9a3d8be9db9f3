import { computed, toValue, watch, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import type { Review } from '~/services/domain/review'
import type { ListStatus } from '~/stores/catalog/products'
import { useReviewStore } from '~/stores/catalog/reviews'
import { useStoreLoad } from '~/composables/ssr/useStoreLoad'

export interface UseProductReviewsReturn {
  /** Reviews loaded so far, newest first. */
  reviews: ComputedRef<Review[]>
  status: ComputedRef<ListStatus>
  error: ComputedRef<ApiErrorData | null>
  hasNext: ComputedRef<boolean>
  /** Next page of reviews ("Load more"). */
  loadMore: () => Promise<void>
  /** Re-runs what failed: the first page or the next one. */
  retry: () => Promise<void>
}

/** A product's reviews, first page server-rendered, then cursor pages on demand. */
export async function useProductReviews(productId: MaybeRefOrGetter<number>): Promise<UseProductReviewsReturn> {
  const store = useReviewStore()
  const id = computed(() => toValue(productId))
  const list = computed(() => store.listFor(id.value))
  const load = async (): Promise<void> => {
    if (id.value > 0) await store.fetchFirst(id.value)
  }
  watch(id, () => { void load() })

  const result: UseProductReviewsReturn = {
    reviews: computed(() => list.value?.items ?? []),
    status: computed(() => list.value?.status ?? 'loading'),
    error: computed(() => list.value?.error ?? null),
    hasNext: computed(() => list.value?.hasNext ?? false),
    loadMore: () => store.loadMore(id.value),
    retry: () => (list.value?.fetchedAt ? store.loadMore(id.value) : store.fetchFirst(id.value)),
  }
  await useStoreLoad(`catalog:reviews:${id.value}`, load)
  return result
}
