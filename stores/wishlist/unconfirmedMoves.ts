import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { WishlistEntry } from '~/services/domain/wishlist'
import { useAuthStore } from '~/stores/auth'

/** A "Move to cart" whose answer was lost while the cart could not be read: the product may be in the cart. */
export interface UnconfirmedMove {
  /** The entry it was made from (`addedAt`): the same product saved again later is a new entry, not this move. */
  addedAt: string
  /** The variant added (null: the product has none). */
  variantId: number | null
}

/**
 * Moves whose outcome the cart could not tell yet, by shopper and product, for as long as this app runs: the
 * shopper follows "View your cart" to check and comes back, and the row must still not offer a second "Move to
 * cart" until a read of the cart shows whether the product is there. A full page load forgets them (the row is
 * then as any other: the cart page showed the truth). Keyed by the signed-in shopper so that another shopper
 * signing in on this tab is never asked about, or moved by, someone else's cart.
 */
export const useUnconfirmedMoves = defineStore('wishlistUnconfirmedMoves', () => {
  const auth = useAuthStore()
  const moves = ref<Record<string, UnconfirmedMove>>({})
  const keyOf = (productId: number) => `${auth.user?.id ?? ''}:${productId}`

  function of(entry: WishlistEntry): UnconfirmedMove | null {
    const move = moves.value[keyOf(entry.product.id)]
    return move?.addedAt === entry.addedAt ? move : null
  }

  function hold(entry: WishlistEntry, variantId: number | null): void {
    moves.value[keyOf(entry.product.id)] = { addedAt: entry.addedAt, variantId }
  }

  function settle(entry: WishlistEntry): void {
    Reflect.deleteProperty(moves.value, keyOf(entry.product.id))
  }

  return { moves, of, hold, settle }
})
