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

export interface UseWishlistPageReturn {
  /** The entries, newest first, without those being removed. */
  list: ListView<WishlistEntry>
  /** Products in the wishlist (null until known). */
  count: ComputedRef<number | null>
  /** Removes an entry: it leaves the list at once, and comes back if the backend refuses. True once removed. */
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
  const list = useListView<number, WishlistEntry>({
    state: () => store.listState(),
    item: id => (store.isListed(id) ? store.entriesById[id] : undefined),
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
  watch(() => !list.items.value.length && list.status.value === 'idle' && list.hasNext.value, (emptied) => {
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
    count: useWishlistCount(),
    remove: entry => focus.run(entry.product.id, async () => {
      const removed = await removeSaying(entry, `Removed ${entry.product.title} from your wishlist.`, false)
      if (removed) Reflect.deleteProperty(inCart.value, entry.product.id)
      return removed
    }),
    // The cart has it already: whatever happens next, "Move to cart" must not add a second one. The row explains
    // a refusal (the product is in the cart, the wishlist kept it) instead of a toast that reads as a failed move.
    moved: entry => focus.run(entry.product.id, async () => {
      const removed = await removeSaying(entry, `Moved ${entry.product.title} to your cart.`, true).catch(() => false)
      if (!removed) inCart.value[entry.product.id] = true
      return removed
    }),
    inCart: productId => inCart.value[productId] === true,
    leaving: (entry, element) => focus.leaving(entry.product.id, element),
    gone: computed(() => store.gone),
    dismissGone: () => {
      store.dismissGone()
      scriptFocusable(document.getElementById('wishlist-title'))?.focus()
    },
  }
}
