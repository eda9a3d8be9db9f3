import { computed, toValue, watch, type MaybeRefOrGetter } from 'vue'
import type { Review } from '~/services/domain/review'
import { useReviewStore } from '~/stores/catalog/reviews'
import { useListView, type ListView } from '~/composables/pagination/useListView'
import { useStoreLoad } from '~/composables/ssr/useStoreLoad'

export type UseProductReviewsReturn = ListView<Review>

/** A product's reviews, newest first: the first page server-rendered, then cursor pages on demand. */
export async function useProductReviews(productId: MaybeRefOrGetter<number>): Promise<UseProductReviewsReturn> {
  const store = useReviewStore()
  const id = computed(() => toValue(productId))
  const load = async (): Promise<void> => {
    if (id.value > 0) await store.fetchFirst(id.value)
  }
  watch(id, () => { void load() })

  const result = useListView({
    state: () => store.listFor(id.value),
    item: reviewId => store.byId[reviewId],
    loadMore: () => store.loadMore(id.value),
    retry: () => store.retry(id.value),
  })
  await useStoreLoad(`catalog:reviews:${id.value}`, load)
  return result
}
