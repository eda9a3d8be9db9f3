import { computed, onScopeDispose, ref, toValue, watch, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue'
import { onNuxtReady, useRoute, useRouter } from '#app'
import type { LocationQueryRaw } from 'vue-router'
import type { ProductQuery } from '~/services/domain/product'
import { activeFilterCount } from '~/services/domain/activeFilters'
import { normalizeQuery, queryKey } from '~/services/domain/productQuery'
import { parseListingQuery, toListingQuery } from '~/utils/routes/listingQuery'
import { useFilterCorrection, type FilterCorrection } from './filterCorrection'

export interface UseListingFiltersOptions {
  /** Filters the route itself carries (the category of /categories/[slug]); never written to the query string. */
  fixed?: MaybeRefOrGetter<ProductQuery>
  /** Minimum time between two URL writes (ms); edits in between coalesce into one history entry. Default 300. */
  throttleMs?: number
}

export interface UseListingFiltersReturn {
  /** Filters and sort as the URL says (plus the fixed ones): what the list shows. */
  query: ComputedRef<ProductQuery>
  /** Filters as the shopper is editing them; runs ahead of `query` until the throttled URL write lands. */
  draft: Readonly<Ref<ProductQuery>>
  /** Cursor the list starts from (`?cursor=`, a server-rendered component page); null from the beginning. */
  cursor: ComputedRef<string | null>
  /** With a cursor: the cursor of the page before it, as the link that led here said (`?from=`); null: the first page. */
  from: ComputedRef<string | null>
  /**
   * The backend refused some values of the query the URL says (`from`: that normalized query as JSON, a key that
   * needs no code of its own, and any corrected on the way): `query` is the query without them until the URL is
   * corrected too (useStaleFilters).
   * Any other URL is read as it is.
   */
  correction: Ref<FilterCorrection | null | undefined>
  /** Page size the URL asks for (`?page_size=`), if any. */
  pageSize: ComputedRef<number | undefined>
  /** Changes some filters or the sort; the URL follows (throttled) and the list restarts from the beginning. */
  update: (patch: Partial<ProductQuery>) => void
  /** Drops every filter the shopper set and the sort (fixed filters stay). */
  clear: () => void
  /** Filters the page fixes (a category page's category): not the shopper's, so not theirs to clear. */
  fixed: ComputedRef<ProductQuery>
  /** How many filters the shopper has on in `draft`, as they would count them (activeFilterCount). */
  active: ComputedRef<number>
  /** Query string for a set of filters on this page, for links. */
  locationQuery: (query: ProductQuery) => LocationQueryRaw
}

/**
 * Filters and sort <-> URL. The URL is the single source of truth, so a reload or a shared link shows the same
 * results and back/forward step through filter changes (each write is a history entry, like any navigation).
 */
export function useListingFilters(options: UseListingFiltersOptions = {}): UseListingFiltersReturn {
  const route = useRoute()
  const router = useRouter()
  const fixed = computed(() => normalizeQuery(toValue(options.fixed) ?? {}))
  const fixedKeys = computed(() => Object.keys(fixed.value) as (keyof ProductQuery)[])
  const parsed = computed(() => parseListingQuery(route.query))
  const correction = useFilterCorrection()
  const query = computed(() => {
    const asked = normalizeQuery({ ...parsed.value.query, ...fixed.value })
    const fix = correction.value
    return fix?.from.includes(JSON.stringify(asked)) ? fix.query : asked
  })

  const draft = ref<ProductQuery>({ ...query.value })
  // A write is queued: keep the shopper's edits instead of snapping back to the (older) URL meanwhile.
  let pending = false

  // Sync on the server, where only sync watchers run: a render that leaves out refused filters (useCatalogListing)
  // must draw the filter panel from the corrected query, or hydration takes the refused brand's box, checked in the
  // server's HTML, for the shopper's own input and writes it back into the address.
  watch(() => queryKey(query.value), () => {
    if (!pending) draft.value = { ...query.value }
  }, { flush: import.meta.server ? 'sync' : 'pre' })

  function locationQuery(next: ProductQuery): LocationQueryRaw {
    return toListingQuery({ query: next, pageSize: parsed.value.pageSize }, fixedKeys.value)
  }

  // Arrow keys on the sort or the rating radios choose every option they pass, one change each: a write within a
  // second of the last one, by the same control, takes its history entry, so Back goes to the filters before the run
  // of changes. Another control (a brand and then another, or the stock) is an entry of its own, for Back to undo
  // alone. Counted from when that write landed: replacing while it is still under way would cancel it and replace
  // the entry before the run (CI met it on a busy machine: Back then left the listing).
  let landed = -1e9
  // The control of the last edit (the filters it sets) and of the last write landed. Each brand is a box of its own
  // (no arrow-key run goes through them), and so is "Clear all": a new object each time, equal to no other.
  let control: unknown
  let last: unknown
  // The listing was left (a product opened within the throttle's 300 ms of two edits): its last write would bring
  // the shopper back to it.
  let left = false
  onScopeDispose(() => (left = true))
  function flush(): void {
    pending = false
    if (left || queryKey(draft.value) === queryKey(query.value) && !parsed.value.cursor) return
    const by = control
    // A filter change starts the list from the beginning: the cursor belongs to the old results.
    void router[Date.now() - landed < 1000 && by === last ? 'replace' : 'push']({ path: route.path, query: locationQuery(draft.value) })
      .then(() => {
        landed = Date.now()
        last = by
      })
  }

  // URL writes go through VueUse's useThrottleFn (leading and trailing edge), imported with the first edit rather
  // than with the page: ~1 KiB of gzip off the listings' first view (issue 21). The lazily hydrated grid loads the
  // same chunk when idle, so the first edit rarely waits for it; if it cannot load (offline), edits are written as
  // they come, one history entry each, rather than not at all.
  let throttled: (() => void) | null = null
  let loadingThrottle: Promise<() => void> | null = null
  function write(): void {
    if (throttled) return throttled()
    // Edits made while it loads are in the draft already: the one write after loading takes them all.
    if (loadingThrottle) return
    loadingThrottle = import('@vueuse/core').then(
      ({ useThrottleFn }) => (throttled = useThrottleFn(flush, options.throttleMs ?? 300, true, true)),
      () => (throttled = flush),
    )
    void loadingThrottle.then(run => run())
  }

  function update(patch: Partial<ProductQuery>): void {
    control = 'brands' in patch ? {} : Object.keys(patch).join()
    draft.value = normalizeQuery({ ...draft.value, ...patch, ...fixed.value })
    pending = true
    write()
  }

  function clear(): void {
    control = {}
    draft.value = { ...fixed.value }
    pending = true
    write()
  }

  const filters: UseListingFiltersReturn = {
    query,
    draft,
    cursor: computed(() => parsed.value.cursor),
    from: computed(() => parsed.value.from),
    correction,
    pageSize: computed(() => parsed.value.pageSize),
    update,
    clear,
    fixed,
    active: computed(() => activeFilterCount(draft.value, fixed.value)),
    locationQuery,
  }

  // A link's values the listing ignores (`min_price=abc`, `rating=9`) leave the address once the page is interactive
  // (./listingAddress.ts, loaded then, and only for an address with parameters: most have none).
  if (import.meta.client && Object.keys(route.query).length) {
    const arrived = route.fullPath
    onNuxtReady(() => import('./listingAddress').then(m => m.tidyListingAddress(filters, { route, router }, arrived, toListingQuery), () => {}))
  }
  return filters
}
