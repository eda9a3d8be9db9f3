import { defineStore } from 'pinia'
import { useApi } from '~/composables/core/useApi'
import { passwordResetService } from '~/services/passwordResetService'
import type { PasswordResetConfirmation } from '~/services/domain/passwordReset'
import { useAuthStore } from './auth'

/**
 * Password reset: no state worth sharing (the link's token stays in the confirm form, and never in a store, whose
 * state would travel in the SSR payload). Loaded only by the reset pages, so the sign-in page does not carry it.
 */
export const usePasswordResetStore = defineStore('passwordReset', () => {
  const service = passwordResetService(useApi())
  const auth = useAuthStore()

  async function request(email: string): Promise<void> {
    await service.request(email)
  }

  async function confirm(input: PasswordResetConfirmation): Promise<void> {
    await service.confirm(input)
    // The backend blacklisted every refresh token of the account: a session of this browser would end at its next
    // refresh anyway, so it ends now and the shopper signs in with the new password. If the BFF cannot be reached the
    // cookie stays (only it can clear it) and that next refresh ends the session; the reset itself is done.
    if (auth.isSignedIn) await auth.signOut().catch(() => {})
  }

  return { request, confirm }
})
