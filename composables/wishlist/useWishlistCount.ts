import { computed, type ComputedRef } from 'vue'
import { useWishlistAccess } from './wishlistAccess'

/** Products in the shopper's wishlist for the header; null while unknown (guest, server render, not read yet). */
export function useWishlistCount(): ComputedRef<number | null> {
  const access = useWishlistAccess()
  return computed(() => access?.current.value?.count.value ?? null)
}
