import { computed, nextTick, ref, watch, type ComputedRef, type Ref } from 'vue'
import { useResizeObserver } from '@vueuse/core'
import { useWindowVirtualizer } from '@tanstack/vue-virtual'

export interface VirtualGridRow<T> {
  index: number
  /** Offset from the top of the grid, in px. */
  offset: number
  items: T[]
}

export interface VirtualGridRows<T> {
  rows: ComputedRef<VirtualGridRow<T>[]>
  /** Height of the whole grid, in px. */
  totalSize: ComputedRef<number>
  columns: Ref<number>
  /** Pass as the function ref of each row's first item: measures the row, and lets the virtualizer forget it when it unmounts (null). */
  measureRow: (el: unknown) => void
  /** Index of the first item of the top row still on screen (from the rows' layout, not the DOM). */
  firstVisibleIndex: () => number | null
}

function px(value: string, fallback: number): number {
  const parsed = Number.parseFloat(value)
  return Number.isFinite(parsed) ? parsed : fallback
}

/**
 * The virtualized mode of UiVirtualGrid: rows of cards (each card placed in its row by UiVirtualGrid) against the window scroll, with the column count
 * and row height measured from the grid as it is drawn. Loaded (with @tanstack/vue-virtual) only once the grid is
 * mounted, so the first view carries none of it. Call inside an effect scope while the grid still shows its plain
 * CSS grid: the row height is measured from that.
 */
export function useVirtualGridRows<T>(root: Ref<HTMLElement | null>, items: () => readonly T[], overscan: () => number): VirtualGridRows<T> {
  const columns = ref(1)
  const gap = ref(16)
  const rowSize = ref(0)
  const scrollMargin = ref(0)

  /** Same arithmetic as CSS `repeat(auto-fill, minmax(var(--grid-min-col), 1fr))`, so both modes agree. */
  function measureLayout(): void {
    const el = root.value
    if (!el) return
    const style = getComputedStyle(el)
    const min = px(style.getPropertyValue('--grid-min-col'), 200)
    gap.value = px(style.getPropertyValue('--grid-gap'), 16)
    columns.value = Math.max(1, Math.floor((el.clientWidth + gap.value) / (min + gap.value)))
    scrollMargin.value = el.getBoundingClientRect().top + window.scrollY
  }

  /** Cards are built to a fixed height per width, so one rendered card tells the size of every row. */
  function measureRowSize(): void {
    const first = root.value?.querySelector<HTMLElement>('[role="listitem"]')
    if (first && first.offsetHeight > 0) rowSize.value = first.offsetHeight
  }

  measureLayout()
  measureRowSize()

  const virtualizer = useWindowVirtualizer(computed(() => ({
    count: Math.ceil(items().length / columns.value),
    estimateSize: () => rowSize.value || 320,
    overscan: overscan(),
    scrollMargin: scrollMargin.value,
    gap: gap.value,
  })))

  useResizeObserver(root, () => {
    const before = columns.value
    measureLayout()
    void nextTick(() => {
      measureRowSize()
      if (before !== columns.value) virtualizer.value.measure()
    })
  })

  // Content above the grid (a message, the result count) may change its offset in the page.
  watch(() => items().length, () => {
    void nextTick(measureLayout)
  })

  return {
    rows: computed(() => virtualizer.value.getVirtualItems().map(row => ({
      index: row.index,
      offset: row.start - scrollMargin.value,
      items: items().slice(row.index * columns.value, (row.index + 1) * columns.value),
    }))),
    totalSize: computed(() => virtualizer.value.getTotalSize()),
    columns,
    // Vue calls this with null when a row unmounts: passing it on is how the virtualizer lets go of detached rows
    // (otherwise every row ever rendered stays in its cache, with its cards' components).
    measureRow: el => virtualizer.value.measureElement(el instanceof HTMLElement ? el : null),
    firstVisibleIndex: () => {
      const top = virtualizer.value.getVirtualItems().find(row => row.end > window.scrollY)
      return top ? top.index * columns.value : null
    },
  }
}
