import { safeRedirect } from '~/utils/navigation/safeRedirect'
import { PASSWORD_RESET_PATH, REGISTER_PATH, SIGN_IN_PATH } from './paths'
import { isGuestOnlyPath } from './policy'

/** Where a sign-in or registration link goes: the page, and the way back when there is a safe one. */
export interface AuthLocation {
  path: string
  query: { redirect?: string }
}

function withReturn(path: string, returnTo: unknown): AuthLocation {
  const target = safeRedirect(returnTo, '')
  // Back to sign-in or registration after signing in would only bounce; a password reset link's address carries its
  // token, which must not travel on in another page's address (the header's sign-in link is on every page).
  return { path, query: target && !isGuestOnlyPath(target) && !target.startsWith(PASSWORD_RESET_PATH) ? { redirect: target } : {} }
}

/** Sign-in, coming back to `returnTo` afterwards when it is a safe same-site path. */
export function signInLocation(returnTo?: unknown): AuthLocation {
  return withReturn(SIGN_IN_PATH, returnTo)
}

/** Registration, coming back to `returnTo` afterwards when it is a safe same-site path. */
export function registerLocation(returnTo?: unknown): AuthLocation {
  return withReturn(REGISTER_PATH, returnTo)
}
