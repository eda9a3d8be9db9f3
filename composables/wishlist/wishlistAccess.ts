import type { ComputedRef, ShallowRef } from 'vue'
import { useNuxtApp } from '#app'

// The wishlist's code (store, service, sign-in intents, cross-tab sync) is not part of any page's first view: it
// loads after hydration for a signed-in shopper, and at the first tap for a guest. Hearts and the header link are
// in the first view, so they reach it through this handle, which plugins/wishlist.client.ts provides. This file
// holds only types and one accessor: it is what the first view pays for.

/** What a heart needs to know about its product. */
export interface WishlistProduct {
  id: number
  title: string
}

/** The running wishlist, as hearts and the header use it (composables/wishlist/wishlistRuntime.ts). */
export interface WishlistRuntime {
  /** What the heart of a product shows: the shopper's last choice, else what the backend has. */
  isSaved: (productId: number) => boolean
  /** Products in the wishlist; null while unknown (signed out, not read yet). */
  count: ComputedRef<number | null>
  /** A heart was tapped: changes at once for a signed-in shopper; a guest goes to sign-in, and it is added after. */
  toggle: (product: WishlistProduct) => void
  /**
   * Puts a product in (true) or out of (false) a signed-in shopper's wishlist, shown at once. Resolves true once
   * the backend agrees, false when it refused (rolled back, and the shopper told).
   */
  set: (product: WishlistProduct, saved: boolean) => Promise<boolean>
}

export interface WishlistAccess {
  /** The running wishlist once its code has loaded; null before (and during hydration). */
  current: ShallowRef<WishlistRuntime | null>
  /** Loads and starts it (once); rejects when its code cannot be loaded (offline, new deploy). */
  load: () => Promise<WishlistRuntime>
}

/** The handle, in the browser; null during the server render, which shows every heart as not saved. */
export function useWishlistAccess(): WishlistAccess | null {
  return (useNuxtApp().$wishlist as WishlistAccess | undefined) ?? null
}
