import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useApi } from '~/composables/core/useApi'
import { useApiSession } from '~/composables/core/useApiSession'
import { authService } from '~/services/authService'
import { browserService } from '~/stores/resources/browserService'
import type { Credentials, ProfileChanges, Registration, User } from '~/services/domain/user'

/** unknown: the server could not tell (backend down); the next page load or refresh decides. */
export type AuthStatus = 'signed_in' | 'signed_out' | 'unknown'

/**
 * Who is signed in. Only the user and the status are state (they travel in the SSR payload); the access token
 * goes straight to the api session (composables/core), which keeps it in memory and nowhere else.
 */
export const useAuthStore = defineStore('auth', () => {
  const api = useApi()
  // The browser signs in, out and edits the profile only after the page is up, so the service and its user mapper
  // load when the app is idle (or with the first call), outside the first view; the server render needs it at once.
  const service = import.meta.client ? browserService(() => import('~/services/authService').then(m => m.authService(api))) : authService(api)
  const session = useApiSession()

  const user = ref<User | null>(null)
  const status = ref<AuthStatus>('signed_out')
  const isSignedIn = computed(() => user.value !== null)

  // Several answers about the shopper can be on their way at once: a profile read sent as a page opened, then a
  // save or a sign-out. A read that lands after any other answer changed the user since it was sent is stale (it
  // would bring back the old name, or a signed-out shopper), so it is dropped. Counted per store, so per request
  // on the server.
  let changes = 0

  function setSignedIn(next: User, accessToken?: string): User {
    if (accessToken) session.setAccessToken(accessToken)
    user.value = next
    status.value = 'signed_in'
    changes++
    return next
  }

  /** The session is over from elsewhere (refresh refused, signed out in another place): forget the user. */
  function markSignedOut(): void {
    user.value = null
    status.value = 'signed_out'
    changes++
  }

  /** Server render only: reads the refresh cookie through the BFF and authenticates this request's api calls. */
  async function restoreSession(): Promise<void> {
    try {
      const restored = await service.session()
      if (restored.user) setSignedIn(restored.user, restored.accessToken ?? undefined)
      else markSignedOut()
    }
    catch {
      // The backend is unreachable: render signed out-looking but keep the cookie; the client retries lazily.
      user.value = null
      status.value = 'unknown'
    }
  }

  async function signIn(credentials: Credentials): Promise<User> {
    const result = await service.login(credentials)
    return setSignedIn(result.user, result.accessToken)
  }

  async function register(input: Registration): Promise<User> {
    const result = await service.register(input)
    return setSignedIn(result.user, result.accessToken)
  }

  /**
   * A shopper who signs out leaves nothing of a checkout in this tab: drafts and attempts, `sf-checkout-*`
   * (CHECKOUT_STORAGE_PREFIX). An expired session keeps them for after the next sign-in. Inline: this store is
   * in every page's first view.
   */
  function forgetTabCheckout(): void {
    try {
      for (const key of Object.keys(sessionStorage)) if (key.startsWith('sf-checkout-')) sessionStorage.removeItem(key)
    }
    catch { /* no storage: nothing kept */ }
  }

  /**
   * Ends the session at the BFF, which clears the httpOnly cookies (even when the backend is down). Only it can: when
   * it did not answer, or answered with a failure, the cookie is still there and the next page load would sign
   * this browser back in, so it stays signed in here too and the caller says it did not work. Rejects with the
   * ApiError.
   */
  async function signOut(): Promise<void> {
    await service.logout()
    session.signOut()
    markSignedOut()
    forgetTabCheckout()
  }

  async function signOutEverywhere(): Promise<void> {
    await service.logoutEverywhere()
    session.signOut()
    markSignedOut()
    forgetTabCheckout()
  }

  /**
   * Fresh data from the backend (authenticated with the session's token, refreshed on demand). Resolves to the user
   * as it then stands: the read's answer, or what a newer answer (a save, a sign-out) set while it was on its way.
   */
  async function reloadUser(): Promise<User | null> {
    const before = changes
    const fresh = await service.me()
    return changes === before ? setSignedIn(fresh) : user.value
  }

  async function updateProfile(changes: ProfileChanges): Promise<User> {
    return setSignedIn(await service.updateProfile(changes))
  }

  return { user, status, isSignedIn, restoreSession, signIn, register, signOut, signOutEverywhere, reloadUser, updateProfile, markSignedOut }
})
