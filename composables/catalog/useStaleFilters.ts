import { computed, onMounted, watch, type ComputedRef } from 'vue'
import { useRoute, useRouter } from '#app'
import type { DroppedFilter } from '~/services/domain/droppedFilters'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import { correctionKey as queryKey, correctStaleFilters } from './staleFilterCorrection'
import type { UseCatalogListingReturn } from './useCatalogListing'

/**
 * A listing link whose filters name what no longer exists (a removed brand, an old crawler link, `min_price=abc`)
 * shows the rest instead of an error: on a 400 whose field errors name filters, the list and facets load again
 * without exactly those values (their key watchers do, once the query changes), the shopper is told what was left
 * out, and the address is replaced to match. A 400 for the corrected query that names more values (django-filter
 * names one per filter and answer) leaves those out too; one that names nothing more is the error it always was.
 * Used by CatalogStaleFilters, which the listing loads only when there is a 400 or a correction: none of this is
 * in the first view. (The server render corrects in useCatalogListing, before it renders.)
 * Returns what the listing left out while it shows the corrected query; null otherwise.
 */
export function useStaleFilters(listing: UseCatalogListingReturn): ComputedRef<readonly DroppedFilter[] | null> {
  const { filters, list, facets } = listing
  const { correction } = filters
  const address = { route: useRoute(), router: useRouter() }
  // As usePageStatus reads them (listFailure, resourceFailure), without importing it into this lazy chunk.
  const listError = (): ApiErrorData | null => (list.status.value === 'error' && !list.items.value.length ? list.error.value : null)
  const refused = () => [listError(), facets.status.value === 'error' ? facets.error.value : null].find(failure => failure?.status === 400) ?? null

  if (import.meta.client) {
    // Immediate: this mounts because of a 400 already there.
    watch(refused, (error) => {
      if (error) void correctStaleFilters(filters, error, address)
    }, { immediate: true })
    // A server-rendered correction: the address follows once the page is interactive.
    onMounted(() => {
      if (!refused()) void correctStaleFilters(filters, null, address)
    })
  }

  // Not over the list's error: when the corrected query fails too, the page says that (as it would have), nothing else.
  return computed(() => {
    const value = correction.value
    return value && queryKey(filters.query.value) === queryKey(value.query) && !listError() ? value.dropped : null
  })
}
