import { computed, type ComputedRef } from 'vue'
import { useStorage } from '@vueuse/core'
import { normalizeSearchQuery } from './useDebouncedSearch'

export const RECENT_SEARCHES_KEY = 'storefront:recent-searches'
export const RECENT_SEARCHES_MAX = 8

export interface UseRecentSearchesReturn {
  /** Most recent first, at most RECENT_SEARCHES_MAX, no duplicates (case-insensitive). */
  recent: ComputedRef<string[]>
  /** Remember a submitted query (moves it to the front). */
  add: (query: string) => void
  /** Forget one query. */
  remove: (query: string) => void
  /** Forget all of them. */
  clear: () => void
}

/**
 * Recent searches in localStorage. Read after mount so the server HTML and the first client render agree;
 * anything that is not a list of strings (an old format, a hand edit) reads as empty.
 */
export function useRecentSearches(): UseRecentSearchesReturn {
  const stored = useStorage<string[]>(RECENT_SEARCHES_KEY, [], undefined, { initOnMounted: true })

  const recent = computed(() => {
    const value: unknown = stored.value
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, RECENT_SEARCHES_MAX) : []
  })

  function without(query: string): string[] {
    const key = query.toLowerCase()
    return recent.value.filter(q => q.toLowerCase() !== key)
  }

  return {
    recent,
    add(query) {
      const q = normalizeSearchQuery(query)
      if (q) stored.value = [q, ...without(q)].slice(0, RECENT_SEARCHES_MAX)
    },
    remove(query) {
      stored.value = without(normalizeSearchQuery(query))
    },
    clear() {
      stored.value = []
    },
  }
}
