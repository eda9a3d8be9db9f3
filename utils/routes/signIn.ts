import { safeRedirect } from '~/utils/navigation/safeRedirect'
import { REGISTER_PATH, SIGN_IN_PATH } from './paths'
import { isGuestOnlyPath } from './policy'

/** Where a sign-in or registration link goes: the page, and the way back when there is a safe one. */
export interface AuthLocation {
  path: string
  query: { redirect?: string }
}

function withReturn(path: string, returnTo: unknown): AuthLocation {
  const target = safeRedirect(returnTo, '')
  // Back to sign-in or registration after signing in would only bounce.
  return { path, query: target && !isGuestOnlyPath(target) ? { redirect: target } : {} }
}

/** Sign-in, coming back to `returnTo` afterwards when it is a safe same-site path. */
export function signInLocation(returnTo?: unknown): AuthLocation {
  return withReturn(SIGN_IN_PATH, returnTo)
}

/** Registration, coming back to `returnTo` afterwards when it is a safe same-site path. */
export function registerLocation(returnTo?: unknown): AuthLocation {
  return withReturn(REGISTER_PATH, returnTo)
}
