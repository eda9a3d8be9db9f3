import { computed, toValue, watch, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import type { ProductFacets } from '~/services/domain/facets'
import type { ProductQuery } from '~/services/domain/product'
import { useFacetsStore } from '~/stores/catalog/facets'
import type { ResourceStatus } from '~/stores/resources/keyedResource'
import { facetsKey, normalizeQuery } from '~/services/domain/productQuery'
import { useStoreLoad } from '~/composables/ssr/useStoreLoad'

export interface UseProductFacetsReturn {
  /**
   * Counts for the current filters; the last known ones while new ones load (so the panel does not flicker), but
   * none once they failed: the last ones are another query's, and the panel would show them as these filters'.
   */
  facets: ComputedRef<ProductFacets | null>
  status: ComputedRef<ResourceStatus>
  error: ComputedRef<ApiErrorData | null>
  /** Loads the current query's facets again. */
  retry: () => Promise<void>
}

/** Filter-panel counts for a (reactive) query: server-rendered, reused on hydration, cached per query. */
export async function useProductFacets(query: MaybeRefOrGetter<ProductQuery>): Promise<UseProductFacetsReturn> {
  const store = useFacetsStore()
  const current = computed(() => normalizeQuery(toValue(query)))
  const key = computed(() => facetsKey(current.value))
  const entry = computed(() => store.entries[key.value])
  let lastShown: ProductFacets | null = null

  const load = async (): Promise<void> => {
    await store.fetchFacets(current.value)
  }
  watch(key, () => { void load() })

  const facets = computed(() => {
    const state = entry.value
    // Not shown again while the failed ones are retried either; an answer to these filters is theirs to keep (a
    // refresh that failed keeps the data it had).
    lastShown = state?.data ?? (state?.status === 'error' ? null : lastShown)
    return lastShown
  })

  const result: UseProductFacetsReturn = {
    facets,
    status: computed(() => entry.value?.status ?? 'loading'),
    error: computed(() => entry.value?.error ?? null),
    retry: async () => {
      await store.fetchFacets(current.value, { force: true })
    },
  }
  await useStoreLoad(`catalog:facets:${key.value}`, load)
  return result
}
