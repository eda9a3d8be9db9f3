import { watch, type ComputedRef } from 'vue'
import { useListView, type ListView } from '~/composables/pagination/useListView'
import { useStoreLoad } from '~/composables/ssr/useStoreLoad'
import { useAnnouncer } from '~/composables/ui/useAnnouncer'
import type { WishlistEntry } from '~/services/domain/wishlist'
import { useWishlistStore } from '~/stores/wishlist/wishlist'
import { useWishlistAccess } from './wishlistAccess'
import { useWishlistCount } from './useWishlistCount'

export interface UseWishlistPageReturn {
  /** The entries, newest first, without those being removed. */
  list: ListView<WishlistEntry>
  /** Products in the wishlist (null until known). */
  count: ComputedRef<number | null>
  /** Removes an entry: it leaves the list at once, and comes back if the backend refuses. True once removed. */
  remove: (entry: WishlistEntry) => Promise<boolean>
  /** After "Move to cart": removes it from the wishlist and says so. */
  moved: (entry: WishlistEntry) => Promise<boolean>
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
  await useStoreLoad('wishlist:list', () => store.fetchFirst())

  // Everything shown was removed while more remain: the next page comes instead of an empty screen.
  watch(() => !list.items.value.length && list.status.value === 'idle' && list.hasNext.value, (emptied) => {
    if (emptied) void store.loadMore()
  })

  async function removeSaying(entry: WishlistEntry, said: string): Promise<boolean> {
    // Started already (it starts when the page is idle): the entry leaves the list in this very tick.
    const wishlist = access?.current.value ?? await access?.load()
    const removed = (await wishlist?.set(entry.product, false)) ?? false
    if (removed) announce(said)
    return removed
  }

  return {
    list,
    count: useWishlistCount(),
    remove: entry => removeSaying(entry, `Removed ${entry.product.title} from your wishlist.`),
    moved: entry => removeSaying(entry, `Moved ${entry.product.title} to your cart.`),
  }
}
