import { defineNuxtRouteMiddleware, navigateTo } from '#app'
import { useAuthStore } from '~/stores/auth'
import { safeRedirect } from '~/utils/navigation/safeRedirect'
import { HOME_PATH } from '~/utils/routes/paths'
import { isGuestOnlyPath } from '~/utils/routes/policy'

// A signed-in shopper has nothing to do on sign-in or registration: on to where they were going.
export default defineNuxtRouteMiddleware((to) => {
  if (!isGuestOnlyPath(to.path) || !useAuthStore().isSignedIn) return
  const target = safeRedirect(to.query.redirect)
  // A redirect back to sign-in itself would only bounce again.
  return navigateTo(isGuestOnlyPath(target) ? HOME_PATH : target, { replace: true })
})
