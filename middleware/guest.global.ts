import { defineNuxtRouteMiddleware, navigateTo } from '#app'
import { isGuestOnlyPath } from '~/composables/auth/routes'
import { useAuthStore } from '~/stores/auth'
import { safeRedirect } from '~/utils/navigation/safeRedirect'

// A signed-in shopper has nothing to do on sign-in or registration: on to where they were going.
export default defineNuxtRouteMiddleware((to) => {
  if (!isGuestOnlyPath(to.path) || !useAuthStore().isSignedIn) return
  return navigateTo(safeRedirect(to.query.redirect), { replace: true })
})
