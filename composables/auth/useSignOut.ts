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
 * Recent searches are the shopper's own words: after signing out, the next person at this computer must not be
 * offered them. The key is useRecentSearches' RECENT_SEARCHES_KEY, spelled out here so that signing out does not
 * add a chunk to every page's first view (tests/nuxt/search/recentSearchesSignOut.test.ts ties the two). The
 * storage event tells the search box already open in this tab, as another tab's change would.
 */
function forgetRecentSearches(): void {
  const key = 'storefront:recent-searches'
  try {
    localStorage.removeItem(key)
    window.dispatchEvent(new StorageEvent('storage', { key, storageArea: localStorage }))
  }
  catch { /* no storage: nothing kept */ }
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
      forgetRecentSearches()
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
