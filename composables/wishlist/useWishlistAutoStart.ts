import { onMounted, watch } from 'vue'
import { useAuth } from '~/composables/auth/useAuth'
import { useWishlistAccess } from './wishlistAccess'

/**
 * Starts a signed-in shopper's wishlist once the calling component is mounted, and again at a later sign-in.
 * The header's wishlist link calls it: it is on every page and hydrates when the browser is idle, so the one
 * request hearts and the count need comes after the page is interactive. A guest's wishlist does not start.
 */
export function useWishlistAutoStart(): void {
  const access = useWishlistAccess()
  const { isSignedIn } = useAuth()
  onMounted(() => {
    watch(isSignedIn, (signedIn) => {
      if (signedIn) access?.load().catch(error => console.warn('[wishlist] could not start', error))
    }, { immediate: true })
  })
}
