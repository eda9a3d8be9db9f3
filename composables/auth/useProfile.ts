import { useAsyncData } from '#app'
import { useAuthStore } from '~/stores/auth'

/**
 * Loads the profile afresh from the backend when the profile page renders (on the server with this request's
 * token; in the browser with a lazily refreshed one), so the page shows what the backend has now.
 * A failure leaves the session's user in place and is handled by the api core (expired -> signed out).
 */
export async function useProfile(): Promise<void> {
  const store = useAuthStore()
  await useAsyncData('auth:profile', async () => {
    await store.reloadUser()
    return true
  })
}
