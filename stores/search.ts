import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useApi } from '~/composables/core/useApi'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import { searchService } from '~/services/searchService'
import { browserService } from '~/stores/resources/browserService'
import type { SearchVocabulary, SuggestResult } from '~/services/domain/search'
import { useFacetsStore } from '~/stores/catalog/facets'
import type { ResourceStatus } from '~/stores/resources/keyedResource'
import { useProductStore } from '~/stores/catalog/products'

/** The unfiltered facets: every category and brand with its product count. */
const ALL_PRODUCTS = {}

/**
 * What search knows beyond one query: the shop's vocabulary and the suggest call. The vocabulary is the catalog's
 * unfiltered facets (same cache entry as the /products filter panel, so one request serves both, and it travels in
 * the SSR payload); suggest enriches product rows from products the catalog store already holds.
 */
export const useSearchStore = defineStore('search', () => {
  const api = useApi()
  const service = import.meta.client ? browserService(() => import('~/services/searchService').then(m => m.searchService(api))) : searchService(api)
  const products = useProductStore()
  const facets = useFacetsStore()

  const entry = computed(() => facets.entryFor(ALL_PRODUCTS))
  const vocabulary = computed<SearchVocabulary | null>(() => {
    const data = entry.value?.data
    return data ? { categories: data.categories, brands: data.brands } : null
  })
  const vocabularyStatus = computed<ResourceStatus>(() => entry.value?.status ?? 'idle')
  const vocabularyError = computed<ApiErrorData | null>(() => entry.value?.error ?? null)

  /** Loads the vocabulary once (the facets store coalesces and caches it). */
  async function loadVocabulary(): Promise<void> {
    await facets.fetchFacets(ALL_PRODUCTS)
  }

  /**
   * "Did you mean" per search term (null: nothing to suggest). Computed where the fuzzy engine is loaded (the
   * server, for the first render) and kept here, so it reaches the browser in the payload instead of the browser
   * loading the fuzzy engine to compute it again while hydrating.
   */
  const corrections = ref<Record<string, string | null>>({})
  function rememberCorrection(term: string, correction: string | null): void {
    corrections.value[term] = correction
  }

  /** One suggestion round for a query (two parallel requests, see searchService). */
  function suggest(query: string, signal: AbortSignal): Promise<SuggestResult> {
    return service.suggest(query, { signal, known: id => products.byId[id] })
  }

  return { vocabulary, vocabularyStatus, vocabularyError, loadVocabulary, corrections, rememberCorrection, suggest }
})
