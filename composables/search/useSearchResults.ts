import { computed, shallowRef, watch, type ComputedRef } from 'vue'
import { useAsyncData } from '#app'
import type { RouteLocationRaw } from 'vue-router'
import { useCatalogListing, type UseCatalogListingReturn } from '~/composables/catalog/useCatalogListing'
import type { TermCount } from '~/services/domain/search'
import { useSearchStore } from '~/stores/search'
import * as fuzzy from '~/utils/search/fuzzy'
import { useLocalSuggestions } from './useLocalSuggestions'
import { useRecentSearches } from './useRecentSearches'

export const POPULAR_CATEGORY_COUNT = 6

export interface UseSearchResultsReturn {
  /** The catalog listing for `?q=` plus filters; "clear filters" keeps the search term. */
  listing: UseCatalogListingReturn
  /** The search term (trimmed); empty on a bare /search. */
  term: ComputedRef<string>
  /** The term alone (no other filter) matched nothing: show the zero-results help. */
  noResults: ComputedRef<boolean>
  /** A corrected term to offer ("did you mean"), only when nothing matched. */
  didYouMean: ComputedRef<string | null>
  /** The categories with the most products, for the zero-results and empty states. */
  popularCategories: ComputedRef<TermCount[]>
  /** Category links stay on /search, narrowing the current results. */
  categoryLink: (slug: string | null) => RouteLocationRaw
}

/**
 * The /search page: the catalog listing with the search term as one more filter (server-rendered first page and
 * facet counts), plus what only search needs. When nothing matches, the shop vocabulary is loaded (during SSR when
 * the first render already knows) so "did you mean" and popular categories are in the server HTML too.
 */
export async function useSearchResults(): Promise<UseSearchResultsReturn> {
  // Every composable is called before the first await (Nuxt and Vue lose the component context after it); the
  // listing arrives later through `current`.
  const store = useSearchStore()
  const { recent } = useRecentSearches()
  const current = shallowRef<UseCatalogListingReturn | null>(null)
  const term = computed(() => current.value?.filters.query.value.search ?? '')
  const local = useLocalSuggestions(term, recent, fuzzy)

  function hasNoResults(listing: UseCatalogListingReturn): boolean {
    const { filters, list } = listing
    const onlyTerm = Object.keys(filters.query.value).every(key => key === 'search' || key === 'sort')
    return !!filters.query.value.search && onlyTerm && list.status.value === 'done' && list.products.value.length === 0
  }
  const noResults = computed(() => !!current.value && hasNoResults(current.value))
  const needsVocabulary = (listing: UseCatalogListingReturn) => hasNoResults(listing) || !listing.filters.query.value.search

  watch(() => !!current.value && needsVocabulary(current.value), (needed) => {
    if (needed) void store.loadVocabulary()
  })

  const listingPromise = useCatalogListing()
  const vocabularyLoaded = useAsyncData('search:vocabulary', async () => {
    if (needsVocabulary(await listingPromise)) await store.loadVocabulary()
    return true
  }, { lazy: true })
  const [listing] = await Promise.all([listingPromise, vocabularyLoaded])
  current.value = listing
  const { filters } = listing

  const didYouMean = computed(() => (noResults.value && store.vocabulary ? local.correct(term.value) : null))

  const popularCategories = computed(() =>
    [...store.vocabulary?.categories ?? []].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, POPULAR_CATEGORY_COUNT))

  const keepTermClear = () => filters.update({
    category: undefined, brands: undefined, minPrice: undefined, maxPrice: undefined, minRating: undefined, inStock: undefined, sort: undefined,
  })

  return {
    listing: { ...listing, filters: { ...filters, clear: keepTermClear } },
    term,
    noResults,
    didYouMean,
    popularCategories,
    categoryLink: slug => ({ path: '/search', query: filters.locationQuery({ ...filters.query.value, category: slug ?? undefined }) }),
  }
}
