import { shallowRef, type ComputedRef, type ShallowRef } from 'vue'
import { useNuxtApp, type NuxtApp } from '#app'

// The wishlist's code (store, service, sign-in intents, cross-tab sync) is not part of any page's first view: it
// loads when the browser is idle after hydration for a signed-in shopper (useWishlistAutoStart, from the header)
// and at the first tap for a guest. Hearts reach it through this handle, created per app on first use. This file
// is what a page with hearts pays for in its first view: keep it to the handle.

/** What a heart needs to know about its product. */
export interface WishlistProduct {
  id: number
  title: string
}

/** The running wishlist, as hearts, the header and the /wishlist page use it (wishlistRuntime.ts). */
export interface WishlistRuntime {
  /** What the heart of a product shows: the shopper's last choice, else what the backend has. */
  isSaved: (productId: number) => boolean
  /** Products in the wishlist; null while unknown (signed out, not read yet). */
  count: ComputedRef<number | null>
  /** A heart was tapped: changes at once for a signed-in shopper; a guest goes to sign-in, and it is added after. */
  toggle: (product: WishlistProduct) => void
  /**
   * Puts a product in (true) or out of (false) a signed-in shopper's wishlist, shown at once. Resolves true once
   * the backend agrees, false when it refused (rolled back, and the shopper told unless `quiet`: the caller says it).
   */
  set: (product: WishlistProduct, saved: boolean, options?: { quiet?: boolean }) => Promise<boolean>
  /**
   * "Undo" of a removal on /wishlist: adds the product again, keeping its place in the list shown. Resolves null once
   * the backend has it, else the sentence saying it was not put back (and why); says nothing itself.
   */
  restore: (product: WishlistProduct) => Promise<string | null>
}

export interface WishlistAccess {
  /** The running wishlist once its code has loaded; null before (and so during hydration). */
  current: ShallowRef<WishlistRuntime | null>
  /** Loads and starts it (once); rejects when its code cannot be loaded (offline, new deploy), to try again later. */
  load: () => Promise<WishlistRuntime>
}

type WithWishlist = NuxtApp & { _wishlistAccess?: WishlistAccess }

function createAccess(nuxtApp: NuxtApp): WishlistAccess {
  const current = shallowRef<WishlistRuntime | null>(null)
  let loading: Promise<WishlistRuntime> | null = null
  const load = (): Promise<WishlistRuntime> => (loading ??= import('./wishlistRuntime')
    .then(module => nuxtApp.runWithContext(module.startWishlist))
    .then(runtime => (current.value ??= runtime))
    .catch((error: unknown) => {
      loading = null
      throw error
    }))
  return { current, load }
}

/** The handle (one per app), in the browser; null during the server render, which shows every heart unsaved. */
export function useWishlistAccess(): WishlistAccess | null {
  if (import.meta.server) return null
  const nuxtApp = useNuxtApp() as WithWishlist
  return (nuxtApp._wishlistAccess ??= createAccess(nuxtApp))
}
