import type { ApiClient } from '~/composables/core/api/types'
import type { UserDto } from './dto'
import type { PasswordChange } from './domain/passwordChange'
import { toSetPasswordRequest } from './mappers/passwordChange'

/** The BFF's answer (server/utils/auth/routes/password.ts): this browser signed in again with the new password. */
interface ChangedDto {
  access: string
  user: UserDto
}

/**
 * Changes the password through the BFF (POST /api/auth/password), never the backend's set_password directly: that
 * blacklists every refresh token of the shopper, and only the BFF can sign this browser in again and set the cookie.
 * With the access token (the core refreshes and replays a refused one once) and the BFF's CSRF header; never retried
 * on its own: a second send after a change that went through would carry a current password that is no longer it.
 * Stateless.
 */
export function passwordChangeService(api: ApiClient) {
  return {
    /**
     * Resolves to the new access token; the shopper is the same, so the user in the answer is not mapped (its mapper
     * shared with the sign-in service would become a chunk of its own, named in every page's entry). Rejects with the
     * ApiError: field errors on current_password / new_password, 429, outages, `password_changed`.
     */
    async change(input: PasswordChange): Promise<string> {
      const dto = await api.post<ChangedDto>('/auth/password', toSetPasswordRequest(input), { headers: { 'x-requested-with': 'storefront' }, maxRetries: 0 })
      return dto.access
    },
  }
}

export type PasswordChangeService = ReturnType<typeof passwordChangeService>
