import { computed, ref, shallowRef, toValue, watch, type ComputedRef, type DeepReadonly, type MaybeRefOrGetter, type Ref } from 'vue'
import { tryOnScopeDispose, useDebounceFn } from '@vueuse/core'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import { createKeyedResource, type ResourceStatus } from '~/stores/resources/keyedResource'

/** One value for the whole lifecycle: too short (idle), waiting for a pause (debouncing), or the answer's state. */
export type SearchStatus = ResourceStatus | 'debouncing'

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
  /** idle (too short, or the starting term not asked for), debouncing (waiting for a pause), loading, success, error. */
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

/**
 * Debounced, race-free search over any async function, on the keyed-resource primitive (one entry per query, the
 * recent ones kept). A new request aborts the previous one, and an answer is shown only while it is still for what
 * the input says, so a slow prefix can never overwrite a newer query.
 */
export function useDebouncedSearch<T>(
  term: MaybeRefOrGetter<string>,
  search: SearchFn<T>,
  options: UseDebouncedSearchOptions = {},
): UseDebouncedSearchReturn<T> {
  const { debounceMs = 250, maxWaitMs = 1000, minLength = 2, cacheSize = 20 } = options

  const query = computed(() => normalizeSearchQuery(toValue(term)))
  const key = computed(() => cacheKey(query.value))
  // Per instance (so per shopper in SSR): answers by query, kept for good; only the cacheSize newest are kept.
  const answers = createKeyedResource<T>({ ttlMs: Number.POSITIVE_INFINITY })
  const entry = computed(() => answers.get(key.value))
  const tooShort = computed(() => query.value.length < minLength)
  // The input changed and the debounce has not asked yet.
  const waiting = ref(false)
  const shown = shallowRef<{ query: string, value: T } | null>(null)
  // The query whose request may be under way; the next one aborts it.
  let asked: string | null = null
  // A debounce timer can outlive its component; once disposed, nothing more is sent.
  let disposed = false
  // The term it started with (a search page's, in the header box) is not asked for by itself: nothing is under way
  // for it until it changes or `flush` asks (it said "loading" for good, with nothing sent).
  const started = ref(false)

  const status = computed<SearchStatus>(() => {
    if (tooShort.value) return 'idle'
    if (waiting.value) return 'debouncing'
    const current = entry.value?.status
    if (current === undefined && !started.value) return 'idle'
    return current === undefined || current === 'idle' ? 'debouncing' : current
  })

  // Whatever the current query's entry holds is what the box shows; an answer for another query is only cached.
  watch(() => [key.value, entry.value?.fetchedAt] as const, () => {
    const data = entry.value?.data
    if (tooShort.value) shown.value = null
    else if (data !== null && data !== undefined) shown.value = { query: query.value, value: data as T }
  })

  function stopAsking(): void {
    if (asked !== null) answers.cancel(asked)
    asked = null
  }

  async function run(): Promise<void> {
    started.value = true
    waiting.value = false
    const current = key.value
    if (disposed || tooShort.value) return
    if (asked !== current) stopAsking()
    asked = current
    const q = query.value
    await answers.load(current, signal => search(q, signal))
    forgetOldest()
  }

  function forgetOldest(): void {
    const cached = Object.entries(answers.entries.value).filter(([key, entry]) => key !== asked && entry.status !== 'loading')
    cached.sort(([, a], [, b]) => a.fetchedAt - b.fetchedAt)
    for (const [key] of cached.slice(0, Math.max(0, cached.length + 1 - cacheSize))) answers.forget(key)
  }

  const debounced = useDebounceFn(run, debounceMs, { maxWait: maxWaitMs })

  watch(query, () => {
    started.value = true
    if (tooShort.value) {
      stopAsking()
      waiting.value = false
      return
    }
    const current = entry.value
    waiting.value = !current || (current.data === null && current.status !== 'loading')
    if (waiting.value) void debounced()
  })

  tryOnScopeDispose(() => {
    disposed = true
    stopAsking()
  })

  return {
    query,
    results: computed(() => shown.value?.value ?? null),
    resultsFor: computed(() => shown.value?.query ?? null),
    status,
    error: computed(() => (status.value === 'error' ? entry.value?.error ?? null : null)),
    flush: run,
    clearCache: () => {
      for (const cached of Object.keys(answers.entries.value)) answers.forget(cached)
    },
  }
}
