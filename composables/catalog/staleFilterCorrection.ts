import type { RouteLocationNormalizedLoaded, Router } from 'vue-router'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import type { ProductQuery } from '~/services/domain/product'
import { withoutDropped } from '~/services/domain/droppedFilters'
import { staleFilters } from '~/services/domain/staleFilters'
import type { UseListingFiltersReturn } from './useListingFilters'

// What a listing does when the backend refuses some of its filters (useStaleFilters): loaded then, not with the page.
// Queries are compared by their JSON: they are normalized (one key order), and productQuery's queryKey would list
// its chunks in the first view's preload maps (docs/benchmarks.md).
const queryKey = (query: ProductQuery): string => JSON.stringify(query)

/** In the browser: the route and router, to bring the address in line. */
export interface AddressContext {
  route: RouteLocationNormalizedLoaded
  router: Router
}

export { queryKey as correctionKey }

/**
 * Answers one correction may follow. A real link has a value or two the shop dropped; a crafted one with thirty
 * brands would otherwise cost the backend thirty rounds of list and facets in one server render.
 */
export const MAX_CORRECTION_ROUNDS = 4

/**
 * For a 400 that names filters of the current query: records the correction (the list and facets then show the query
 * without those values) and, in the browser, replaces the address to match. True when it corrected.
 * With no error: only brings the address in line with a correction made by the server render.
 *
 * The corrected query may be refused too: django-filter names one value of a multi-value filter per answer
 * (ModelMultipleChoiceField stops at the first it cannot find), so a link with two removed brands takes two answers.
 * A 400 for the query a correction shows continues it: what that answer names is left out as well, and the notice
 * lists everything left out. Bounded: a correction always leaves out a value the query has (else it is the error
 * it was), and it follows at most MAX_CORRECTION_ROUNDS answers; the next refusal is the error.
 */
export async function correctStaleFilters(filters: UseListingFiltersReturn, error: ApiErrorData | null, address?: AddressContext): Promise<boolean> {
  const { correction } = filters
  const asked = filters.query.value
  const askedKey = queryKey(asked)
  let corrected = false
  if (error) {
    const dropped = staleFilters(error, asked, filters.fixed.value)
    const query = withoutDropped(asked, dropped)
    if (queryKey(query) === askedKey) return false
    const before = correction.value
    // Continuing: the addresses that led here (the link, and the one the browser may already show) keep leading here.
    const continued = before && queryKey(before.query) === askedKey ? before : null
    // `from` holds one address per answer followed.
    if (continued && continued.from.length >= MAX_CORRECTION_ROUNDS) return false
    correction.value = {
      from: continued ? [...new Set([...continued.from, askedKey])] : [askedKey],
      query,
      dropped: [...(continued?.dropped ?? []), ...dropped],
    }
    corrected = true
  }
  const shown = correction.value
  if (address && shown && queryKey(filters.query.value) === queryKey(shown.query)) {
    const { route, router } = address
    const target = router.resolve({ path: route.path, query: filters.locationQuery(shown.query), hash: route.hash })
    // replace, not push: "back" should not return to the address that failed.
    if (target.fullPath !== route.fullPath) await router.replace(target)
  }
  return corrected
}
