import type { LocationQuery } from 'vue-router'
import type { toListingQuery } from '~/utils/routes/listingQuery'
import type { AddressContext } from './staleFilterCorrection'
import type { UseListingFiltersReturn } from './useListingFilters'

// The parameters of the listing's URL schema (utils/routes/listingQuery.ts); any other (tracking) is not the listing's.
const LISTING_KEYS = ['q', 'category', 'brand', 'min_price', 'max_price', 'rating', 'in_stock', 'sort', 'cursor', 'from', 'page_size']

// Queries compared by their JSON (they are normalized), as staleFilterCorrection does: productQuery's queryKey would
// list its chunk in the listings' first view.
const key = (value: unknown): string => JSON.stringify(value)

// Neither the order of the parameters nor `brand=a` against the router's ['a'] is a difference.
const sorted = (query: LocationQuery): string => key(Object.entries(query).map(([name, value]) => [name, [value].flat()]).sort())

/**
 * A link's values the listing ignores (`min_price=abc`, `rating=9`, a brand that is no slug: parseListingQuery) reach
 * no request, so the address drops them too, and says the rest as the listing writes them (`min_price=10.00`). Replaced
 * in place: no history entry, and the same query, so nothing loads again. Parameters that are not the listing's
 * (tracking) stay. Once the page is interactive (useListingFilters), when the lazily hydrated grid and pager have
 * drawn the server's links; not after the shopper moved on (`arrived` is no longer the address), nor while an edit of
 * theirs is on its way to the address, nor over a correction (useStaleFilters brings the address in line then).
 * `write` is toListingQuery, passed in: a chunk of the listing's imported here is listed, with everything it imports,
 * in the listings' first view (the preload map of this lazy chunk), ~0.2 KiB of it.
 */
export function tidyListingAddress(filters: UseListingFiltersReturn, { route, router }: AddressContext, arrived: string, write: typeof toListingQuery): void {
  const { query, correction } = filters
  if (router.currentRoute.value.fullPath !== arrived || correction.value || key(filters.draft.value) !== key(query.value)) return
  const own = write({ query: query.value, cursor: filters.cursor.value, from: filters.from.value, pageSize: filters.pageSize.value }, Object.keys(filters.fixed.value) as Array<keyof typeof query.value>)
  const kept = Object.fromEntries(Object.entries(route.query).filter(([name]) => !LISTING_KEYS.includes(name)))
  const target = router.resolve({ path: route.path, query: { ...kept, ...own }, hash: route.hash })
  if (sorted(target.query) !== sorted(route.query)) void router.replace(target)
}
