import { computed, ref, type ComputedRef, type Ref } from 'vue'

export interface UseActiveOptionReturn<T> {
  /** Key of the highlighted row (aria-activedescendant), or null when focus is just in the input. */
  activeKey: ComputedRef<string | null>
  /** Its position in the rows, -1 when none. */
  activeIndex: ComputedRef<number>
  /** The highlighted row itself. */
  active: ComputedRef<T | null>
  /** Move by `delta` rows, wrapping around; from no row, down goes to the first and up to the last. */
  move: (delta: 1 | -1) => void
  /** Highlight nothing. */
  reset: () => void
}

/**
 * Which listbox row is highlighted, tracked by key rather than index so the highlight stays on the same row
 * when server rows arrive and shift the list. A row that disappears takes the highlight with it.
 */
export function useActiveOption<T extends { key: string }>(options: Readonly<Ref<readonly T[]>>): UseActiveOptionReturn<T> {
  const chosen = ref<string | null>(null)
  const activeIndex = computed(() => (chosen.value === null ? -1 : options.value.findIndex(o => o.key === chosen.value)))

  function move(delta: 1 | -1): void {
    const count = options.value.length
    if (!count) return
    const from = activeIndex.value
    const next = from === -1 ? (delta === 1 ? 0 : count - 1) : (from + delta + count) % count
    chosen.value = options.value[next]!.key
  }

  return {
    activeKey: computed(() => (activeIndex.value === -1 ? null : chosen.value)),
    activeIndex,
    active: computed(() => options.value[activeIndex.value] ?? null),
    move,
    reset: () => {
      chosen.value = null
    },
  }
}
