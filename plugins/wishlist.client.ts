import { shallowRef, watch } from 'vue'
import { defineNuxtPlugin, onNuxtReady } from '#app'
import type { WishlistAccess, WishlistRuntime } from '~/composables/wishlist/wishlistAccess'
import { useAuthStore } from '~/stores/auth'

// Provides the wishlist handle (composables/wishlist/wishlistAccess.ts). For a signed-in shopper the wishlist
// starts once the page is idle after hydration: that costs one request (the ids behind every heart and the
// header count), and pages cached for everyone carry no wishlist at all. A guest's never starts unless they
// tap a heart: no code, no request.
export default defineNuxtPlugin({
  name: 'wishlist',
  dependsOn: ['auth-session'],
  setup(nuxtApp) {
    const current = shallowRef<WishlistRuntime | null>(null)
    let loading: Promise<WishlistRuntime> | null = null
    const load = (): Promise<WishlistRuntime> => (loading ??= import('~/composables/wishlist/wishlistRuntime')
      .then(module => nuxtApp.runWithContext(module.startWishlist))
      .then(runtime => (current.value ??= runtime))
      .catch((error: unknown) => {
        loading = null
        throw error
      }))
    const auth = useAuthStore()
    onNuxtReady(() => {
      watch(() => auth.isSignedIn, (signedIn) => {
        if (signedIn) load().catch(error => console.warn('[wishlist] could not start', error))
      }, { immediate: true })
    })
    const wishlist: WishlistAccess = { current, load }
    return { provide: { wishlist } }
  },
})
