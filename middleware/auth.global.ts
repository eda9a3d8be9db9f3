import { defineNuxtRouteMiddleware, navigateTo } from '#app'
import { isProtectedPath, loginLocation } from '~/composables/auth/routes'
import { useAuthStore } from '~/stores/auth'

// Signed-out shoppers asking for a protected page go to sign-in, with the way back in `redirect`.
export default defineNuxtRouteMiddleware((to) => {
  if (!isProtectedPath(to.path)) return
  if (useAuthStore().isSignedIn) return
  return navigateTo(loginLocation(to.fullPath))
})
