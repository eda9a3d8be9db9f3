import { nextTick, onBeforeUnmount, watch } from 'vue'

export interface UseRowFocusOptions<Id> {
  /** The rows' ids in page order, as they are rendered. */
  ids: () => readonly Id[]
  /** A row's element while it is on the page. */
  row: (id: Id) => HTMLElement | null
  /** What takes the focus in the row that inherits it (its first link). */
  landing: (row: HTMLElement) => HTMLElement | null
  /** The row's own control the focus goes back to when the row returns (its "Remove"). */
  control: (row: HTMLElement) => HTMLElement | null
  /** What takes the focus when no row is left (a heading with tabindex="-1"). */
  fallback: () => HTMLElement | null
}

export interface UseRowFocusReturn<Id> {
  /**
   * Call from a row's onBeforeUnmount: a row that leaves with the focus in it hands the focus to the next row (or
   * the previous one, or the fallback) once it is gone, whenever that is.
   */
  leaving: (id: Id, element: Element | null) => void
  /**
   * Runs a row's action (resolving true once done). When it was not done and the row is back on the page, the focus
   * returns to the row's control, unless the shopper has moved it since it was handed on.
   */
  run: (id: Id, action: () => Promise<boolean>) => Promise<boolean>
}

/**
 * Keeps a keyboard or screen reader user's place in a list whose rows leave (removed, moved) and may come back
 * (the backend refused). The focus moves when a row actually leaves the page, not when its button is pressed: a
 * change can take a while to start (its code still loading) and a refused one brings the row back.
 */
export function useRowFocus<Id>(options: UseRowFocusOptions<Id>): UseRowFocusReturn<Id> {
  // The order as last rendered (post flush): a leaving row's neighbours are found here, the new order lacks it.
  let order: readonly Id[] = []
  watch(options.ids, (ids) => {
    order = [...ids]
  }, { immediate: true, flush: 'post' })
  /** Where the focus went when a row left with it: given back if that row returns and the focus is still there. */
  let handedOn: { from: Id, to: Element | null } | null = null
  // The page itself going away takes every row with it: nothing to hand on then.
  let active = true
  onBeforeUnmount(() => {
    active = false
  })

  function leaving(id: Id, element: Element | null): void {
    if (!active || !element?.contains(document.activeElement)) return
    const at = order.indexOf(id)
    const heirs = at < 0 ? [] : [...order.slice(at + 1), ...order.slice(0, at).reverse()]
    void nextTick(() => {
      if (!active) return
      const heir = heirs.map(options.row).find(row => row?.isConnected)
      const target = (heir && options.landing(heir)) ?? options.fallback()
      target?.focus({ focusVisible: true })
      handedOn = { from: id, to: target }
    })
  }

  async function run(id: Id, action: () => Promise<boolean>): Promise<boolean> {
    if (await action()) return true
    await nextTick()
    const row = options.row(id)
    const focused = document.activeElement
    const lost = focused === null || focused === document.body
    if (active && row && (lost || (handedOn?.from === id && focused === handedOn.to))) options.control(row)?.focus({ focusVisible: true })
    if (handedOn?.from === id) handedOn = null
    return false
  }

  return { leaving, run }
}
