import { computed, shallowRef, watch, type ComputedRef } from 'vue'
import type { RouteLocationRaw } from 'vue-router'
import { useCatalogListing, type UseCatalogListingReturn } from '~/composables/catalog/useCatalogListing'
import { useStoreLoad } from '~/composables/ssr/useStoreLoad'
import type { TermCount } from '~/services/domain/search'
import { useSearchStore } from '~/stores/search'
import { SEARCH_PATH } from '~/utils/routes/paths'
import { compareNames } from '~/utils/text/compareNames'
import { useLocalSuggestions, type FuzzyEngine } from './useLocalSuggestions'

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

const loadFuzzy = (): Promise<FuzzyEngine> => import('~/utils/search/fuzzy')

/**
 * The /search page: the catalog listing with the search term as one more filter (server-rendered first page and
 * facet counts), plus what only search needs. When nothing matches, the shop vocabulary is loaded (during SSR when
 * the first render already knows) so "did you mean" and popular categories are in the server HTML too.
 * The correction needs the fuzzy engine (utils/search/fuzzy.ts): the server computes it and the search store carries it in the
 * payload; the browser loads the engine only for a term that found nothing after a client-side navigation.
 */
export async function useSearchResults(): Promise<UseSearchResultsReturn> {
  // Every composable is called before the first await (Nuxt and Vue lose the component context after it); the
  // listing arrives later through `current`.
  const store = useSearchStore()
  const current = shallowRef<UseCatalogListingReturn | null>(null)
  const term = computed(() => current.value?.filters.query.value.search ?? '')
  const engine = shallowRef<FuzzyEngine | null>(null)
  // Shop vocabulary and catalog products only: a shopper's own recent searches may hold the very typo.
  const local = useLocalSuggestions([], engine)

  function hasNoResults(listing: UseCatalogListingReturn): boolean {
    const { filters, list } = listing
    const onlyTerm = Object.keys(filters.query.value).every(key => key === 'search' || key === 'sort')
    return !!filters.query.value.search && onlyTerm && list.status.value === 'done' && list.items.value.length === 0
  }
  const noResults = computed(() => !!current.value && hasNoResults(current.value))
  const needsVocabulary = (listing: UseCatalogListingReturn) => hasNoResults(listing) || !listing.filters.query.value.search

  watch(() => !!current.value && needsVocabulary(current.value), (needed) => {
    if (needed) void store.loadVocabulary()
  })

  /** Works out "did you mean" for the current term once, loading the engine if need be. */
  async function correctTerm(): Promise<void> {
    const q = term.value
    if (!noResults.value || !store.vocabulary || q in store.corrections) return
    engine.value ??= await loadFuzzy()
    if (q === term.value) store.rememberCorrection(q, local.correct(q))
  }

  if (import.meta.client) watch([noResults, () => store.vocabulary, term], () => void correctTerm(), { immediate: true })

  const listingPromise = useCatalogListing()
  const vocabularyLoaded = useStoreLoad('search:vocabulary', async () => {
    if (needsVocabulary(await listingPromise)) await store.loadVocabulary()
  })
  const [listing] = await Promise.all([listingPromise, vocabularyLoaded])
  current.value = listing
  const { filters } = listing
  if (import.meta.server) await correctTerm()

  const didYouMean = computed(() => (noResults.value ? store.corrections[term.value] ?? null : null))

  const popularCategories = computed(() =>
    [...store.vocabulary?.categories ?? []].sort((a, b) => b.count - a.count || compareNames(a.name, b.name)).slice(0, POPULAR_CATEGORY_COUNT))

  const keepTermClear = () => filters.update({
    category: undefined, brands: undefined, minPrice: undefined, maxPrice: undefined, minRating: undefined, inStock: undefined, sort: undefined,
  })

  return {
    listing: { ...listing, filters: { ...filters, clear: keepTermClear } },
    term,
    noResults,
    didYouMean,
    popularCategories,
    categoryLink: slug => ({ path: SEARCH_PATH, query: filters.locationQuery({ ...filters.query.value, category: slug ?? undefined }) }),
  }
}
