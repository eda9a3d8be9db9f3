/** A reset link's uid and token (opaque: they are sent back as they came), and the password the shopper chose. */
export interface PasswordResetConfirmation {
  uid: string
  token: string
  newPassword: string
}
