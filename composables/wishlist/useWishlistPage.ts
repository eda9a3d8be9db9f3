import { computed, onMounted, ref, watch, type ComputedRef } from 'vue'
import { useListView, type ListView } from '~/composables/pagination/useListView'
import { useStoreLoad } from '~/composables/ssr/useStoreLoad'
import { useAnnouncer } from '~/composables/ui/useAnnouncer'
import { useRowFocus } from '~/composables/ui/useRowFocus'
import { scriptFocusable } from '~/composables/ui/scriptFocus'
import type { WishlistEntry } from '~/services/domain/wishlist'
import { useWishlistStore, type SeenEntry } from '~/stores/wishlist/wishlist'
import { useWishlistAccess } from './wishlistAccess'
import { useWishlistCount } from './useWishlistCount'
import { useWishlistUndo, type WishlistUndoOffer } from './useWishlistUndo'

export interface UseWishlistPageReturn {
  /** The entries, newest first, without those being removed; the one Undo can put back stays, for its line. */
  list: ListView<WishlistEntry>
  /** The last removal, while its line (in its row's place) offers Undo. */
  undoOffer: ComputedRef<WishlistUndoOffer | null>
  /** Puts the last removal back (said, and shown in its line when refused). */
  undo: () => Promise<void>
  /** Everything loaded was removed and the list has no more: only the Undo line is left. */
  nothingLeft: ComputedRef<boolean>
  /** Products in the wishlist (null until known). */
  count: ComputedRef<number | null>
  /**
   * Removes an entry: its row gives way at once to a line offering Undo (with the focus the row had), and comes
   * back if the backend refuses. True once removed.
   */
  remove: (entry: WishlistEntry) => Promise<boolean>
  /**
   * After "Move to cart" put the product in the cart: takes it off the wishlist and says so. False when the wishlist
   * kept it; `inCart` then says so for its row.
   */
  moved: (entry: WishlistEntry) => Promise<boolean>
  /** Whether the cart has the product but the wishlist kept it (a move half done): its row offers Remove only. */
  inCart: (productId: number) => boolean
  /** From a row's onBeforeUnmount: a row leaving with the focus hands it to its neighbour. */
  leaving: (entry: WishlistEntry, element: Element | null) => void
  /** Products the shop stopped selling that left the wishlist, by the name shown (said once already). */
  gone: ComputedRef<readonly SeenEntry[]>
  /** The shopper has read it: the notice goes, and the focus with its button to the page's heading. */
  dismissGone: () => void
}

function rowOf(productId: number): HTMLElement | null {
  return document.querySelector(`[data-wishlist-product="${productId}"]`)
}

/** The /wishlist page: the shopper's entries on the shared list primitive, server-rendered (a private page). */
export async function useWishlistPage(): Promise<UseWishlistPageReturn> {
  const store = useWishlistStore()
  const access = useWishlistAccess()
  const { announce } = useAnnouncer()
  const undo = useWishlistUndo({
    isListed: store.isListed,
    restore: async (entry) => {
      const wishlist = access?.current.value ?? await access?.load()
      if (!wishlist) throw new Error('The wishlist runs in the browser only.')
      return wishlist.restore(entry.product)
    },
    announce,
    row: rowOf,
    undoButton: id => document.querySelector<HTMLElement>(`[data-wishlist-removed="${id}"] button`),
  })
  const offered = (id: number) => undo.offer.value?.entry.product.id === id
  const list = useListView<number, WishlistEntry>({
    state: () => store.listState(),
    item: id => (store.isListed(id) || offered(id) ? store.entriesById[id] : undefined),
    loadMore: store.loadMore,
    retry: store.retry,
  })
  const focus = useRowFocus<number>({
    ids: () => list.items.value.map(entry => entry.product.id),
    row: rowOf,
    landing: row => row.querySelector('a'),
    control: row => row.querySelector('[data-wishlist-action="remove"]'),
    fallback: () => scriptFocusable(document.getElementById('wishlist-title')),
  })
  /** Products the cart took but the wishlist kept, for this visit of the page. */
  const inCart = ref<Record<number, true>>({})

  // Set up before the first await, while this page's component is current: they end with the page.
  // Everything shown was removed while more remain: the next page comes instead of an empty screen.
  const nothingShown = computed(() => list.items.value.every(entry => offered(entry.product.id)))
  watch(() => nothingShown.value && list.status.value === 'idle' && list.hasNext.value, (emptied) => {
    if (emptied) void store.loadMore()
  })
  // Added since the list was read (another tab, another device): read it again while the page is open.
  watch(() => store.listOutdated, (outdated) => {
    if (outdated) void store.fetchFirst()
  })
  // In the browser, the entries shown (the server's render too) are what a product the shop stops selling is
  // later named by; a list that is the whole wishlist may already lack one since the shopper's last visit.
  onMounted(store.noticeShown)

  await useStoreLoad('wishlist:list', () => store.fetchFirst())

  async function removeSaying(entry: WishlistEntry, said: string, quiet: boolean): Promise<boolean> {
    // Started already (it starts when the page is idle): the entry leaves the list in this very tick.
    const wishlist = access?.current.value ?? await access?.load()
    const removed = (await wishlist?.set(entry.product, false, { quiet })) ?? false
    if (removed) announce(said)
    return removed
  }

  return {
    list,
    undoOffer: undo.offer,
    undo: undo.undo,
    nothingLeft: computed(() => list.items.value.length > 0 && nothingShown.value && list.status.value === 'done'),
    count: useWishlistCount(),
    remove: (entry) => {
      undo.removing(entry)
      return focus.run(entry.product.id, async () => {
        const removed = await removeSaying(entry, `Removed ${entry.product.title} from your wishlist.`, false).catch((error: unknown) => {
          undo.notRemoved(entry)
          throw error
        })
        if (removed) Reflect.deleteProperty(inCart.value, entry.product.id)
        else undo.notRemoved(entry)
        return removed
      })
    },
    // The cart has it already: whatever happens next, "Move to cart" must not add a second one. The row explains
    // a refusal (the product is in the cart, the wishlist kept it) instead of a toast that reads as a failed move.
    moved: entry => focus.run(entry.product.id, async () => {
      const removed = await removeSaying(entry, `Moved ${entry.product.title} to your cart.`, true).catch(() => false)
      if (!removed) inCart.value[entry.product.id] = true
      return removed
    }),
    inCart: productId => inCart.value[productId] === true,
    leaving: (entry, element) => {
      if (!undo.leaving(entry, element)) focus.leaving(entry.product.id, element)
    },
    gone: computed(() => store.gone),
    dismissGone: () => {
      store.dismissGone()
      scriptFocusable(document.getElementById('wishlist-title'))?.focus()
    },
  }
}
