import { computed, shallowRef, type ComputedRef, type DeepReadonly, type Ref } from 'vue'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import { useSearchStore } from '~/stores/search'
import { useDebouncedSearch, type SearchStatus, type UseDebouncedSearchOptions } from './useDebouncedSearch'
import { useLocalSuggestions, type FuzzyEngine } from './useLocalSuggestions'
import { useRecentSearches } from './useRecentSearches'
import { searchPath } from '~/utils/routes/searchPaths'
import { groupOptions, optionFromHit, optionFromSuggestion, type SuggestionGroup, type SuggestionOption } from './suggestionOptions'
import { GROUP_LIMITS } from './groupLimits'

export interface UseSearchSuggestionsReturn {
  /** The query the input stands for (trimmed). */
  query: ComputedRef<string>
  /** Rows to show, grouped: recent searches when the input is empty, else server + instant local matches. */
  groups: ComputedRef<SuggestionGroup[]>
  /** The same rows flattened in display order, for arrow-key navigation. */
  options: ComputedRef<SuggestionOption[]>
  /** Server side of the suggestions: idle, debouncing, loading, success, error. */
  status: Readonly<Ref<SearchStatus>>
  /** Why the server suggestions failed; local rows still show. */
  error: Readonly<Ref<DeepReadonly<ApiErrorData> | null>>
  /** Whether the server rows on screen answer the current query. */
  serverAnswered: ComputedRef<boolean>
  /** Call on focus: builds the instant index and loads the vocabulary before the first keystroke. */
  warm: () => void
  /** Start loading the fuzzy engine (e.g. on pointer hover), without fetching anything from the API. */
  prepare: () => void
  /** Remember a search the shopper submits and return where to go. */
  submit: (query: string) => string
  /** Forget the recent searches. */
  clearRecent: () => void
  /** Retry the server suggestions now. */
  retry: () => Promise<void>
}

/**
 * Everything the header search box shows. Local matches found as typed appear on the first keystroke, typo
 * rescues once the server's answer shows nothing has the word as typed; the debounced server round adds what
 * only the backend knows, and only ever for the query on screen.
 */
export function useSearchSuggestions(term: Ref<string>, options: UseDebouncedSearchOptions = {}): UseSearchSuggestionsReturn {
  const store = useSearchStore()
  const recents = useRecentSearches()
  const server = useDebouncedSearch(term, (q, signal) => store.suggest(q, signal), options)
  // The fuzzy index code (~1.5 KiB gzip) is not needed by the first view: loaded on hover or focus, well
  // before the first keystroke; until then the server rows alone show.
  const engine = shallowRef<FuzzyEngine | null>(null)
  let loading: Promise<void> | null = null
  let warmed = false
  function prepare(): void {
    loading ??= import('~/utils/search/fuzzy').then((module) => {
      engine.value = module
      // Build the indexes now if the box already has focus, so the next keystroke only searches.
      if (warmed) local.warm()
    }, () => {
      loading = null
    })
  }
  const local = useLocalSuggestions(recents.recent, engine)

  const serverAnswered = computed(() =>
    server.resultsFor.value !== null && server.resultsFor.value.toLowerCase() === server.query.value.toLowerCase())
  const serverSuggestions = computed(() => (serverAnswered.value && server.results.value?.suggestions) || [])

  // The server's rows for the query on screen, or null while it may still bring some: it has not answered nor
  // failed. (Idle: too short to ask, and too short for a typo too.)
  const serverRows = computed(() => {
    const settled = serverAnswered.value || server.status.value === 'error' || server.status.value === 'idle'
    return settled ? serverSuggestions.value.map(s => s.text) : null
  })

  // What is found as typed shows at once; typos only for a word nothing has as typed, the server's rows included,
  // so they wait for its answer: with no stove in the store, "stove" would list the Stoneline brand (a typo
  // away) until the server's stoves came. A failed answer lets them show: they are then the best there is.
  const localHits = computed(() => {
    const fuzzy = engine.value
    const indexes = local.indexes.value
    if (!fuzzy || !indexes) return []
    return fuzzy.searchIndexes(server.query.value, [[indexes[0], GROUP_LIMITS.category], [indexes[1], GROUP_LIMITS.product]],
      serverRows.value)
  })

  const groups = computed<SuggestionGroup[]>(() => {
    const q = server.query.value
    if (!q) {
      return groupOptions(recents.recent.value.map(text => ({
        key: `query:${text.toLowerCase()}`, kind: 'recent', text, ranges: [], to: searchPath(text), product: null, source: 'local',
      })))
    }
    return groupOptions([...serverSuggestions.value.map(s => optionFromSuggestion(s, q)), ...localHits.value.map(optionFromHit)])
  })

  return {
    query: server.query,
    groups,
    options: computed(() => groups.value.flatMap(g => g.options)),
    status: server.status,
    error: server.error,
    serverAnswered,
    warm() {
      warmed = true
      prepare()
      local.warm()
      // The box about to be used with a term it started with (a search page's): its server rows are asked for now.
      if (server.status.value === 'idle' && server.resultsFor.value === null) void server.flush()
    },
    prepare,
    submit(q) {
      recents.add(q)
      return searchPath(q.trim())
    },
    clearRecent: recents.clear,
    retry: server.flush,
  }
}
