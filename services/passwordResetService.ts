import type { ApiClient } from '~/composables/core/api/types'
import type { DetailMessageDto } from './dto'
import type { PasswordResetConfirmation } from './domain/passwordReset'
import { toPasswordResetConfirmRequest, toPasswordResetRequest } from './mappers/passwordReset'

// No access token: a shopper who forgot their password is signed out, and a stale token would make DRF answer 401.
const ANONYMOUS = { auth: false } as const

/**
 * The backend's password reset (docs/openapi.yaml), through the /api proxy: no tokens come back, so the BFF has
 * nothing to keep. Both answers are only `{detail}`, which the storefront says in its own words. Stateless.
 */
export function passwordResetService(api: ApiClient) {
  return {
    /** Resolves alike whether or not an account has this email: the backend does not say. */
    async request(email: string): Promise<void> {
      await api.post<DetailMessageDto>('/auth/password/reset/', toPasswordResetRequest(email), ANONYMOUS)
    },
    /** Rejects with the ApiError: field errors on `uid`/`token` (the link) or `new_password` (the validators). */
    async confirm(input: PasswordResetConfirmation): Promise<void> {
      await api.post<DetailMessageDto>('/auth/password/reset/confirm/', toPasswordResetConfirmRequest(input), ANONYMOUS)
    },
  }
}

export type PasswordResetService = ReturnType<typeof passwordResetService>
