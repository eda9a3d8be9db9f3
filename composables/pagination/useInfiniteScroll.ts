import { computed, onActivated, onDeactivated, ref, toValue, watch, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue'
import { useDocumentVisibility, useIntersectionObserver } from '@vueuse/core'

/** One value per footer state: more to load, loading, failed (auto-loading stopped), nothing more. */
export type InfiniteScrollState = 'idle' | 'loading' | 'error' | 'done'

export interface UseInfiniteScrollOptions {
  /** Loads the next page; the caller coalesces concurrent calls. */
  loadMore: () => unknown
  hasNext: MaybeRefOrGetter<boolean>
  isLoading: MaybeRefOrGetter<boolean>
  /** Any truthy value stops auto-loading until `retry()`. */
  error?: MaybeRefOrGetter<unknown>
  /** Start loading when the end is this many screens away (default 1). */
  screensAhead?: number
  /** Auto-loading switch, e.g. false until the list is interactive. Default true. */
  enabled?: MaybeRefOrGetter<boolean>
}

export interface UseInfiniteScrollReturn {
  /** Bind to an element placed right after the list (`:ref="sentinel"` or `ref` in the template). */
  sentinel: Ref<HTMLElement | null>
  /** What the footer shows. */
  state: ComputedRef<InfiniteScrollState>
  /** True while the page is kept alive in the background or the tab is hidden: nothing auto-loads. */
  isPaused: ComputedRef<boolean>
  /** Load the next page now: the "Load more" button. */
  loadNow: () => void
  /** Try again after an error; auto-loading resumes once it succeeds. */
  retry: () => void
}

/**
 * Infinite scroll as a small state machine (after elk's paginator): an IntersectionObserver sentinel a screen
 * ahead of the end, loading only from `idle`, and re-checking after each page so tall screens fill up.
 * No timers: the observer and the state changes drive it.
 */
export function useInfiniteScroll(options: UseInfiniteScrollOptions): UseInfiniteScrollReturn {
  const screens = options.screensAhead ?? 1
  const sentinel = ref<HTMLElement | null>(null)
  const near = ref(false)
  const active = ref(true)
  const visibility = useDocumentVisibility()

  onActivated(() => { active.value = true })
  onDeactivated(() => { active.value = false })

  const state = computed<InfiniteScrollState>(() => {
    if (toValue(options.error)) return 'error'
    if (toValue(options.isLoading)) return 'loading'
    return toValue(options.hasNext) ? 'idle' : 'done'
  })
  const isPaused = computed(() => !active.value || visibility.value === 'hidden')

  useIntersectionObserver(sentinel, (entries) => {
    near.value = entries.some(entry => entry.isIntersecting)
  }, { rootMargin: `${screens * 100}% 0px ${screens * 100}% 0px` })

  // The observer only reports changes: after a page lands the sentinel may still be in range (a tall screen),
  // so the position is checked again against the rendered layout before deciding.
  function stillNear(): boolean {
    const el = sentinel.value
    if (!el || typeof window === 'undefined') return false
    return el.getBoundingClientRect().top <= window.innerHeight * (1 + screens)
  }

  function loadNow(): void {
    if (state.value === 'idle' || state.value === 'error') void options.loadMore()
  }

  watch([near, state, isPaused, () => toValue(options.enabled) ?? true], ([isNear, current, paused, enabled]) => {
    if (isNear && current === 'idle' && !paused && enabled && stillNear()) void options.loadMore()
  }, { flush: 'post' })

  return { sentinel, state, isPaused, loadNow, retry: loadNow }
}
