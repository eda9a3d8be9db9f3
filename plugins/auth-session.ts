import { defineNuxtPlugin, navigateTo, useRouter } from '#app'
import { useApiSession } from '~/composables/core/useApiSession'
import { signInLocation } from '~/utils/routes/signIn'
import { isProtectedPath } from '~/utils/routes/policy'
import { useNotify } from '~/composables/ui/useNotify'
import { useAuthStore } from '~/stores/auth'

/**
 * Server: once per request, ask the BFF who the refresh cookie belongs to. The user goes into the auth store
 * (and so the payload); the access token goes only to this request's api session, for authenticated SSR calls.
 * Client: the token is fetched lazily by the api core; when a refresh is refused the shopper is told, and a
 * protected page sends them to sign in. When the server could not tell (status unknown), the browser asks.
 */
export default defineNuxtPlugin({
  name: 'auth-session',
  dependsOn: ['api'],
  async setup(nuxtApp) {
    const store = useAuthStore()
    if (import.meta.server) {
      await store.restoreSession()
      return
    }
    const router = useRouter()
    const session = useApiSession()
    // The server could not tell who this is and rendered a guest's page: the browser asks once the app has mounted.
    if (store.status === 'unknown') nuxtApp.hook('app:mounted', () => import('~/composables/auth/settleUnknown').then(m => m.settleUnknown(store, session)))
    session.onSignedOut((reason) => {
      // 'signed_out' is the shopper's own action: the store has already been cleared and they were told.
      if (reason !== 'refresh_failed' || !store.isSignedIn) return
      store.markSignedOut()
      void nuxtApp.runWithContext(async () => {
        useNotify().info('Your session has expired. Please sign in again.')
        const current = router.currentRoute.value
        if (isProtectedPath(current.path)) await navigateTo(signInLocation(current.fullPath))
      })
    })
  },
})
