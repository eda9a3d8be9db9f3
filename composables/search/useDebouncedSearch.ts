import { computed, readonly, ref, shallowRef, toValue, watch, type ComputedRef, type DeepReadonly, type MaybeRefOrGetter, type Ref } from 'vue'
import { tryOnScopeDispose, useDebounceFn } from '@vueuse/core'
import { isApiError, type ApiErrorData } from '~/composables/core/api/ApiError'

/** One value for the whole lifecycle, so a template renders exactly one state. */
export type SearchStatus = 'idle' | 'debouncing' | 'loading' | 'success' | 'error'

export interface UseDebouncedSearchOptions {
  /** Quiet time after the last keystroke before asking the server (default 250 ms). */
  debounceMs?: number
  /** A continuous typist still gets an answer this often (default 1000 ms). */
  maxWaitMs?: number
  /** Shorter queries never reach the server (default 2). */
  minLength?: number
  /** How many recent queries keep their results (default 20). */
  cacheSize?: number
}

export interface UseDebouncedSearchReturn<T> {
  /** The normalized query the input currently stands for (trimmed, single spaces). */
  query: ComputedRef<string>
  /** Results of the latest query that answered; null when the query is too short or nothing answered yet. */
  results: Readonly<Ref<T | null>>
  /** The query `results` belong to; compare with `query` before showing them as current. */
  resultsFor: Readonly<Ref<string | null>>
  /** idle (too short), debouncing (waiting for a pause), loading, success, error. */
  status: Readonly<Ref<SearchStatus>>
  /** Why the latest query failed, for a message; null otherwise. */
  error: Readonly<Ref<DeepReadonly<ApiErrorData> | null>>
  /** Ask now instead of waiting for the debounce (Enter, retry); resolves when the answer is in. */
  flush: () => Promise<void>
  /** Forget cached answers. */
  clearCache: () => void
}

export type SearchFn<T> = (query: string, signal: AbortSignal) => Promise<T>

export function normalizeSearchQuery(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ')
}

/** Cache key: the backend search is case-insensitive, so "Wireless" and "wireless" share an answer. */
function cacheKey(query: string): string {
  return query.toLowerCase()
}

function toErrorData(error: unknown): ApiErrorData {
  if (isApiError(error)) return error.toJSON()
  return { status: 0, code: 'unknown', message: 'Something went wrong. Please try again.', fieldErrors: {}, retryable: true }
}

/**
 * Debounced, race-free search over any async function. A new request aborts the previous one, and an answer
 * is shown only while it is still for what the input says, so a slow prefix can never overwrite a newer query.
 */
export function useDebouncedSearch<T>(
  term: MaybeRefOrGetter<string>,
  search: SearchFn<T>,
  options: UseDebouncedSearchOptions = {},
): UseDebouncedSearchReturn<T> {
  const { debounceMs = 250, maxWaitMs = 1000, minLength = 2, cacheSize = 20 } = options

  const query = computed(() => normalizeSearchQuery(toValue(term)))
  const results = shallowRef<T | null>(null)
  const resultsFor = ref<string | null>(null)
  const status = ref<SearchStatus>('idle')
  const error = ref<ApiErrorData | null>(null)

  // Per instance (so per shopper in SSR): insertion-ordered map used as an LRU.
  const cache = new Map<string, T>()
  let controller: AbortController | null = null
  let inflightKey: string | null = null
  let inflight: Promise<void> | null = null
  // A debounce timer can outlive its component; once disposed, nothing more is sent.
  let disposed = false

  function remember(key: string, value: T): void {
    cache.delete(key)
    cache.set(key, value)
    while (cache.size > cacheSize) cache.delete(cache.keys().next().value as string)
  }

  function show(q: string, value: T): void {
    results.value = value
    resultsFor.value = q
    error.value = null
    status.value = 'success'
  }

  function isCurrent(q: string): boolean {
    return cacheKey(query.value) === cacheKey(q)
  }

  function run(): Promise<void> {
    const q = query.value
    const key = cacheKey(q)
    if (disposed || q.length < minLength) return Promise.resolve()
    const cached = cache.get(key)
    if (cached !== undefined) {
      show(q, cached)
      return Promise.resolve()
    }
    if (inflight && inflightKey === key) return inflight

    controller?.abort()
    const own = new AbortController()
    controller = own
    inflightKey = key
    status.value = 'loading'
    const task = (async () => {
      try {
        const value = await search(q, own.signal)
        remember(key, value)
        if (isCurrent(q)) show(q, value)
      }
      catch (failure) {
        if (own.signal.aborted || !isCurrent(q)) return
        error.value = toErrorData(failure)
        status.value = 'error'
      }
      finally {
        if (controller === own) {
          controller = null
          inflightKey = null
          inflight = null
        }
      }
    })()
    inflight = task
    return task
  }

  const debounced = useDebounceFn(run, debounceMs, { maxWait: maxWaitMs })

  watch(query, (q) => {
    if (q.length < minLength) {
      controller?.abort()
      results.value = null
      resultsFor.value = null
      error.value = null
      status.value = 'idle'
      return
    }
    const cached = cache.get(cacheKey(q))
    if (cached !== undefined) {
      show(q, cached)
      return
    }
    if (inflightKey === cacheKey(q)) {
      status.value = 'loading'
      return
    }
    status.value = 'debouncing'
    void debounced()
  })

  tryOnScopeDispose(() => {
    disposed = true
    controller?.abort()
  })

  return {
    query,
    results: readonly(results) as Readonly<Ref<T | null>>,
    resultsFor: readonly(resultsFor),
    status: readonly(status),
    error: readonly(error),
    flush: run,
    clearCache: () => cache.clear(),
  }
}
