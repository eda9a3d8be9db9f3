/** Pages only a signed-in shopper may see; their sub-pages too. */
export const PROTECTED_PREFIXES = ['/auth/profile', '/orders', '/wishlist', '/checkout'] as const

/** Pages a signed-in shopper has no use for. */
export const GUEST_ONLY_PATHS = ['/auth/login', '/auth/register'] as const

export const LOGIN_PATH = '/auth/login'

function stripTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path
}

export function isProtectedPath(path: string): boolean {
  const clean = stripTrailingSlash(path)
  return PROTECTED_PREFIXES.some(prefix => clean === prefix || clean.startsWith(`${prefix}/`))
}

export function isGuestOnlyPath(path: string): boolean {
  return (GUEST_ONLY_PATHS as readonly string[]).includes(stripTrailingSlash(path))
}

/** Where to send a signed-out shopper who asked for `fullPath`. */
export function loginLocation(fullPath: string): { path: string, query: { redirect: string } } {
  return { path: LOGIN_PATH, query: { redirect: fullPath } }
}
