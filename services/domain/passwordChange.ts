/** The signed-in shopper's password as they typed it now, and the one they chose. */
export interface PasswordChange {
  currentPassword: string
  newPassword: string
}
