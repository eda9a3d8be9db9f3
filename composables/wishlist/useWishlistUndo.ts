import { computed, nextTick, ref, type ComputedRef } from 'vue'
import type { WishlistEntry } from '~/services/domain/wishlist'

/** The last removal on /wishlist, while it can be undone. */
export interface WishlistUndoOffer {
  entry: WishlistEntry
  /** Undo pressed, the backend's answer not in yet. */
  restoring: boolean
  /** Why the last Undo did not put it back (the sentence names the product); null before any. */
  failure: string | null
}

export interface UseWishlistUndoOptions {
  /** Whether the product is in the list as the screen shows it (the store's word). */
  isListed: (productId: number) => boolean
  /** Adds the product again at the backend: null once it is there, else the sentence saying it is not. */
  restore: (entry: WishlistEntry) => Promise<string | null>
  announce: (text: string) => void
  /** A product's row while it is on the page: the focus goes back to its link. */
  row: (productId: number) => HTMLElement | null
  /** The Undo button of the line standing for a removed product. */
  undoButton: (productId: number) => HTMLElement | null
}

export interface UseWishlistUndoReturn {
  /** The removal whose line shows in its row's place: from when the row leaves until Undo's answer put it back. */
  offer: ComputedRef<WishlistUndoOffer | null>
  /** Remove was pressed: this removal is the one Undo puts back, and an earlier one is final (as in the cart). */
  removing: (entry: WishlistEntry) => void
  /** The removal was refused or not made: nothing to undo. */
  notRemoved: (entry: WishlistEntry) => void
  /**
   * From a row's onBeforeUnmount: true when it leaves for its Undo line, which then takes the focus the row had;
   * false for any other row (the list hands its focus on).
   */
  leaving: (entry: WishlistEntry, element: Element | null) => boolean
  /** Puts the product back; a refusal is said, and shown in the line, whose Undo stays on offer. */
  undo: () => Promise<void>
}

const focusLost = () => document.activeElement === null || document.activeElement === document.body

/**
 * "Undo" after "Remove" on /wishlist, the cart page's way: one removal at a time can be put back, until the next
 * removal or until the shopper leaves the page (the offer lives with the page; no timer, as in the cart). Put back
 * only once the backend has it again: the store, not this, says what the wishlist holds.
 */
export function useWishlistUndo(options: UseWishlistUndoOptions): UseWishlistUndoReturn {
  const last = ref<WishlistUndoOffer | null>(null)
  // Not while the row is still shown (its removal not started yet), and no longer once the product is listed again:
  // the removal was refused, or the product was added again elsewhere (another tab), and Undo would add nothing.
  const offer = computed(() => {
    const current = last.value
    return current && (current.restoring || !options.isListed(current.entry.product.id)) ? current : null
  })

  async function undo(): Promise<void> {
    const current = offer.value
    if (!current || current.restoring) return
    const { entry } = current
    current.restoring = true
    current.failure = null
    const failure = await options.restore(entry)
      .catch(() => `${entry.product.title} could not be put back in your wishlist. Please try again.`)
    current.restoring = false
    options.announce(failure ?? `${entry.product.title} is back in your wishlist.`)
    // Another removal meanwhile has the line and the focus now.
    if (last.value !== current) return
    if (failure === null) last.value = null
    else current.failure = failure
    await nextTick()
    if (!focusLost()) return
    const target = failure === null ? options.row(entry.product.id)?.querySelector('a') : options.undoButton(entry.product.id)
    target?.focus({ focusVisible: true })
  }

  return {
    offer,
    removing: (entry) => {
      last.value = { entry, restoring: false, failure: null }
    },
    notRemoved: (entry) => {
      if (last.value?.entry.product.id === entry.product.id) last.value = null
    },
    leaving: (entry, element) => {
      const id = entry.product.id
      if (offer.value?.entry.product.id !== id) return false
      if (element?.contains(document.activeElement)) void nextTick(() => options.undoButton(id)?.focus({ focusVisible: true }))
      return true
    },
    undo,
  }
}
