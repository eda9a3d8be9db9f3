import { defineStore } from 'pinia'
import { isApiError } from '~/composables/core/api/ApiError'
import { useApi } from '~/composables/core/useApi'
import { useApiSession } from '~/composables/core/useApiSession'
import type { PasswordChange } from '~/services/domain/passwordChange'
import { passwordChangeService } from '~/services/passwordChangeService'
import { useAuthStore } from './auth'

/** The BFF's code for "the password was changed, but this browser could not be signed in again". */
export const PASSWORD_CHANGED_SIGNED_OUT = 'password_changed'

/**
 * Changing the password: no state (the passwords stay in the form, never in a store, whose state would travel in the
 * SSR payload). Loaded only by the profile page, so no other page carries it.
 */
export const usePasswordChangeStore = defineStore('passwordChange', () => {
  const service = passwordChangeService(useApi())
  const session = useApiSession()
  const auth = useAuthStore()

  /** Resolves once this browser holds the new session; rejects with the ApiError. */
  async function change(input: PasswordChange): Promise<void> {
    try {
      // The backend blacklisted the old refresh token, and the access token that came with the new cookie replaces
      // the one in memory; the shopper is the same, so the user in the store stands.
      session.setAccessToken(await service.change(input))
    }
    catch (error) {
      // Changed, but this browser's session is over (its cookie is gone): forget it here too.
      if (isApiError(error) && error.code === PASSWORD_CHANGED_SIGNED_OUT) {
        session.signOut()
        auth.markSignedOut()
      }
      throw error
    }
  }

  return { change }
})
