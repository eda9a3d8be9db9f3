import type { PasswordResetConfirmRequestDto, PasswordResetRequestDto } from '../dto'
import type { PasswordResetConfirmation } from '../domain/passwordReset'

export function toPasswordResetRequest(email: string): PasswordResetRequestDto {
  return { email: email.trim() }
}

/** The password goes as typed: spaces are part of it (Django's validators see them too). */
export function toPasswordResetConfirmRequest(input: PasswordResetConfirmation): PasswordResetConfirmRequestDto {
  return { uid: input.uid, token: input.token, new_password: input.newPassword }
}
