import { computed, type ComputedRef } from 'vue'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import type { CursorListState, ListStatus } from '~/stores/resources/cursorList'

/** What a component renders of a cursor list (UiPaginatedList takes exactly this). */
export interface ListView<T> {
  /** The items loaded so far, in list order. */
  items: ComputedRef<readonly T[]>
  /** idle (more to load), loading, error, done; loading while the list does not exist yet. */
  status: ComputedRef<ListStatus>
  /** The last failure, for a message next to "Try again". */
  error: ComputedRef<ApiErrorData | null>
  /** Whether another page exists. */
  hasNext: ComputedRef<boolean>
  /** Loads the next page (the list coalesces concurrent calls). */
  loadMore: () => Promise<void>
  /** Loads again what failed: the first page or the next one. */
  retry: () => Promise<void>
}

export interface UseListViewOptions<Id, T> {
  /** The list in its store (undefined until created). */
  state: () => CursorListState<unknown, Id> | undefined
  /** The entity for an id, from the store's `byId`. */
  item: (id: Id) => T | undefined
  loadMore: () => Promise<void>
  retry: () => Promise<void>
  /** Show at most this many items (an excerpt of a longer list). */
  limit?: number
}

/** A store's list of ids as items a component can render, with its status and verbs. */
export function useListView<Id, T>(options: UseListViewOptions<Id, T>): ListView<T> {
  return {
    items: computed(() => {
      const out: T[] = []
      for (const id of options.state()?.ids ?? []) {
        if (out.length === options.limit) break
        const item = options.item(id)
        if (item !== undefined) out.push(item)
      }
      return out
    }),
    status: computed(() => options.state()?.status ?? 'loading'),
    error: computed(() => options.state()?.error ?? null),
    hasNext: computed(() => options.state()?.hasNext ?? false),
    loadMore: options.loadMore,
    retry: options.retry,
  }
}
