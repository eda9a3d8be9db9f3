import { toRef, type Ref } from 'vue'
import { useNuxtApp } from '#app'
import type { DroppedFilter } from '~/services/domain/droppedFilters'
import type { ProductQuery } from '~/services/domain/product'

/**
 * Values the backend refused, and the query shown instead (useStaleFilters). `from`: the queries (normalized, as
 * JSON) that show it: the link's, and each one corrected on the way when the backend refused more than once.
 */
export interface FilterCorrection {
  from: string[]
  query: ProductQuery
  dropped: DroppedFilter[]
}

/**
 * The listing's filter correction, per request: in the SSR payload's state, so hydration shows what the server
 * rendered. What useState does, without useState's own code in the listings' first view (a chunk of its own there).
 */
export function useFilterCorrection(): Ref<FilterCorrection | null | undefined> {
  return toRef(useNuxtApp().payload.state as Record<string, FilterCorrection | null | undefined>, '$sstale-filters')
}
