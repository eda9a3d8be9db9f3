import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { useNotify } from '~/composables/ui/useNotify'
import { useWishlistAccess, type WishlistProduct } from './wishlistAccess'

export interface UseWishlistHeartReturn {
  /** Whether the product shows as wishlisted (false on the server and until the wishlist has started). */
  pressed: ComputedRef<boolean>
  /** The heart was tapped; `early`: a tap made before it hydrated, which meant "save" and never takes one out. */
  toggle: (early?: boolean) => void
}

/**
 * A heart's accessible name. The same whether pressed or not: aria-pressed says which, and a name that also
 * flipped would be read as "Remove … from wishlist, toggle button, pressed", two states at once.
 */
export function heartLabel(title: string): string {
  return `Add ${title} to wishlist`
}

/**
 * One heart. First-view code: it reads the running wishlist through its handle and loads the wishlist's code at
 * the first tap if it has not started yet (a guest's). Cheap enough for every card: a computed and a function.
 */
export function useWishlistHeart(product: MaybeRefOrGetter<WishlistProduct>): UseWishlistHeartReturn {
  const access = useWishlistAccess()
  return {
    pressed: computed(() => access?.current.value?.isSaved(toValue(product).id) ?? false),
    toggle(early = false) {
      access?.load().then(
        // An early tap was on the server's heart, which shows every product unsaved: a product the wishlist has read
        // as saved since stays saved (a toggle would take it out). Unread yet, the toggle saves it, as meant.
        wishlist => early && wishlist.isSaved(toValue(product).id) ? undefined : wishlist.toggle(toValue(product)),
        () => useNotify().error('The wishlist is not available right now. Please try again.'),
      )
    },
  }
}
