import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useApi } from '~/composables/core/useApi'
import { isApiError, type ApiErrorData } from '~/composables/core/api/ApiError'
import { searchService } from '~/services/searchService'
import type { SearchVocabulary, SuggestResult } from '~/services/domain/search'
import { useProductStore } from '~/stores/catalog/products'

export type VocabularyStatus = 'idle' | 'loading' | 'success' | 'error'

function toErrorData(error: unknown): ApiErrorData {
  if (isApiError(error)) return error.toJSON()
  return { status: 0, code: 'unknown', message: 'Something went wrong. Please try again.', fieldErrors: {}, retryable: true }
}

/**
 * What search knows beyond one query: the shop's vocabulary (categories and brands with counts, loaded once,
 * shared by the header box and the results page, and carried in the SSR payload), and the suggest call that
 * enriches product rows from products the catalog store already holds.
 */
export const useSearchStore = defineStore('search', () => {
  const service = searchService(useApi())
  const products = useProductStore()

  const vocabulary = ref<SearchVocabulary | null>(null)
  const vocabularyStatus = ref<VocabularyStatus>('idle')
  const vocabularyError = ref<ApiErrorData | null>(null)
  // Not state: the one in-flight vocabulary request, so the box and the page share it.
  let pending: Promise<void> | null = null

  /** Loads the vocabulary once; later calls reuse it (or retry after an error). */
  function loadVocabulary(): Promise<void> {
    if (vocabularyStatus.value === 'success') return Promise.resolve()
    pending ??= (async () => {
      vocabularyStatus.value = 'loading'
      try {
        vocabulary.value = await service.vocabulary()
        vocabularyStatus.value = 'success'
        vocabularyError.value = null
      }
      catch (error) {
        vocabularyStatus.value = 'error'
        vocabularyError.value = toErrorData(error)
      }
      finally {
        pending = null
      }
    })()
    return pending
  }

  /** One suggestion round for a query (two parallel requests, see searchService). */
  function suggest(query: string, signal: AbortSignal): Promise<SuggestResult> {
    return service.suggest(query, { signal, known: id => products.byId[id] })
  }

  return { vocabulary, vocabularyStatus, vocabularyError, loadVocabulary, suggest }
})
