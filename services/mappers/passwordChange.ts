import type { SetPasswordRequestDto } from '../dto'
import type { PasswordChange } from '../domain/passwordChange'

/** Both passwords go as typed: spaces are part of them. */
export function toSetPasswordRequest(input: PasswordChange): SetPasswordRequestDto {
  return { current_password: input.currentPassword, new_password: input.newPassword }
}
