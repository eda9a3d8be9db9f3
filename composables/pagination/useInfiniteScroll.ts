import { computed, onActivated, onBeforeUnmount, onDeactivated, onMounted, ref, shallowRef, toValue, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue'
import type { ListStatus } from '~/stores/resources/cursorList'
import type { EndObserver } from './endObserver'

export interface UseInfiniteScrollOptions {
  /** The list's state: a page is asked for only while it is idle. */
  status: MaybeRefOrGetter<ListStatus>
  /** Loads the next page; the list coalesces concurrent calls. */
  loadMore: () => unknown
  /** Start loading when the end is this many screens away (default 1). */
  screensAhead?: number
  /** Auto-loading switch. Default true. */
  enabled?: MaybeRefOrGetter<boolean>
}

export interface UseInfiniteScrollReturn {
  /** Bind to an element placed right after the list (`:ref="sentinel"` or `ref` in the template). */
  sentinel: Ref<HTMLElement | null>
  /** True while the page is kept alive in the background or the tab is hidden: nothing auto-loads. */
  isPaused: ComputedRef<boolean>
}

/**
 * Infinite scroll (after elk's paginator): an IntersectionObserver sentinel a screen ahead of the end, loading only
 * from `idle`. An observer only reports changes, and a fast shopper (End key, a flick, the scrollbar dragged to the
 * bottom) can take the sentinel out of range and back between two of its observations while a page lands: nothing
 * is reported and loading stalls with the end on screen. So whenever a load may start again (a page landed, a pause
 * ended) the sentinel is observed afresh (see endObserver.ts). No timers. The observer code loads after mount.
 */
export function useInfiniteScroll(options: UseInfiniteScrollOptions): UseInfiniteScrollReturn {
  const sentinel = ref<HTMLElement | null>(null)
  const active = ref(true)
  const observer = shallowRef<EndObserver | null>(null)
  let unmounted = false

  onMounted(async () => {
    if (!sentinel.value) return
    const { observeEnd } = await import('./endObserver')
    if (unmounted || !sentinel.value) return
    observer.value = observeEnd(sentinel.value, {
      screens: options.screensAhead ?? 1,
      canLoad: () => active.value && toValue(options.status) === 'idle' && (toValue(options.enabled) ?? true),
      onNear: () => void options.loadMore(),
    })
  })
  onBeforeUnmount(() => {
    unmounted = true
    observer.value?.stop()
  })
  onActivated(() => { active.value = true })
  onDeactivated(() => { active.value = false })

  return { sentinel, isPaused: computed(() => !active.value || !!observer.value?.hidden.value) }
}
