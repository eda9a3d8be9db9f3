import { ref, type Ref } from 'vue'
import { useRouter } from '#app'
import { isApiError } from '~/composables/core/api/ApiError'
import { useAuth } from './useAuth'

export interface UseSignOutReturn {
  /** Which action is running, if any. */
  pending: Ref<'here' | 'everywhere' | null>
  /** Why the last action failed, for an alert next to the buttons. */
  error: Ref<string | null>
  /** Signs out this browser and goes home. */
  signOut: () => Promise<void>
  /** Signs out every device and goes home. */
  signOutEverywhere: () => Promise<void>
}

const NOT_REACHED = 'You are still signed in: the store could not be reached. Check your connection and try again.'

/**
 * What this browser remembers of the shopper in localStorage, shared by its tabs: their recent searches (their own
 * words), and what the cart and the wishlist showed them (product names, prices) to tell them later of a product no
 * longer sold or a changed price. The cart and the wishlist wipe theirs at sign-out while their code runs; a tab can
 * sign out before it started (the wishlist's loads on use), and the next person at this computer must find nothing.
 * The keys are spelled out so that signing out adds no chunk to every page's first view
 * (tests/nuxt/auth/signOutMemory.test.ts ties them to their owners' constants). The storage events tell what is
 * already open in this tab (the search box's suggestions), as another tab's change would.
 */
const SHOPPER_MEMORY = ['storefront:recent-searches', 'sf-cart-seen-lines', 'sf-cart-seen-prices', 'sf-wishlist-seen']

function forgetShopperMemory(): void {
  for (const key of SHOPPER_MEMORY) {
    try {
      localStorage.removeItem(key)
      window.dispatchEvent(new StorageEvent('storage', { key, storageArea: localStorage }))
    }
    catch { /* no storage: nothing kept */ }
  }
}

/** The account menu's and the profile's sign-out buttons. */
export function useSignOut(): UseSignOutReturn {
  const auth = useAuth()
  const router = useRouter()
  const pending = ref<'here' | 'everywhere' | null>(null)
  const error = ref<string | null>(null)

  async function run(kind: 'here' | 'everywhere', action: () => Promise<void>): Promise<void> {
    if (pending.value) return
    pending.value = kind
    error.value = null
    try {
      await action()
      forgetShopperMemory()
      await router.push('/')
    }
    catch (failure) {
      // Still signed in (stores/auth.ts): the message says so rather than what the transport called it.
      error.value = isApiError(failure) && failure.status !== 0 ? failure.message : NOT_REACHED
    }
    finally {
      pending.value = null
    }
  }

  return {
    pending,
    error,
    signOut: () => run('here', auth.signOut),
    signOutEverywhere: () => run('everywhere', auth.signOutEverywhere),
  }
}
