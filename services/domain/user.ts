/** The signed-in shopper as the storefront shows them. Serializable: it travels in the SSR payload. */
export interface User {
  id: number
  email: string
  firstName: string
  lastName: string
  /** "Ada Lovelace", or the email when no name is set. */
  displayName: string
  /** ISO 8601 timestamp the account was created. */
  memberSince: string
}

export interface Credentials {
  email: string
  password: string
}

export interface Registration extends Credentials {
  firstName: string
  lastName: string
}

export interface ProfileChanges {
  firstName: string
  lastName: string
}

/** What a sign-in or registration yields: the shopper, and the access token for the api session only. */
export interface SignedIn {
  user: User
  accessToken: string
}

/** The server render's view of the refresh cookie. `accessToken` only when asked in-process during SSR. */
export interface ServerSession {
  user: User | null
  accessToken: string | null
}
