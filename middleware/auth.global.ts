import { defineNuxtRouteMiddleware, navigateTo } from '#app'
import { useAuthStore } from '~/stores/auth'
import { signInLocation } from '~/utils/routes/signIn'
import { isProtectedPath } from '~/utils/routes/policy'

// Signed-out shoppers asking for a protected page (the route policy) go to sign-in, with the way back in `redirect`.
export default defineNuxtRouteMiddleware((to) => {
  if (!isProtectedPath(to.path)) return
  if (useAuthStore().isSignedIn) return
  return navigateTo(signInLocation(to.fullPath))
})
