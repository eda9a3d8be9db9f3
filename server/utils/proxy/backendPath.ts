/** Why a path was refused: a malformed one is the client's mistake, a hidden one does not exist for it. */
export type BackendPathRejection = 'malformed' | 'hidden'

export type BackendPathResult = { ok: true, path: string } | { ok: false, reason: BackendPathRejection }

// Dot segments and backslashes would let a URL parser (ours, or one behind the backend that decodes
// first) climb out of the API prefix; they are looked for after percent-decoding.
const DOT_SEGMENT = /(?:^|\/)\.{1,2}(?:\/|$)/
const BACKSLASH = /\\/
// The demo backend's control endpoints (/__faults/, /__stats/, ...) are for tests, which call the backend directly.
// SimpleJWT's endpoints answer with refresh tokens in the body (the browser must never hold one) and, like
// registration, would skip the BFF's throttles: the BFF's routes (server/api/auth/) are the only way to them.
// Djoser's set_password blacklists every refresh token of the user, this browser's too: only the BFF's
// POST /api/auth/password signs this browser in again after it.
// Matched on the decoded path, lower-cased, with repeated slashes merged as nginx merges them before Django.
const HIDDEN = [/^\/__/, /^\/auth\/(?:token|register|users\/set_password)(?:\/|$)/]

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x20 || code === 0x7F) return true
  }
  return false
}

/**
 * The path (no query) of a path+query as the rules here read it: decoded, lower-cased, repeated slashes merged, so
 * every spelling a backend may route alike is one string. Null when the proxy refuses it as malformed.
 */
export function routedBackendPath(pathAndQuery: string): string | null {
  const path = pathAndQuery.startsWith('/') ? pathAndQuery : `/${pathAndQuery}`
  const pathname = path.split('?')[0] ?? ''
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  }
  catch {
    return null
  }
  if (DOT_SEGMENT.test(decoded) || BACKSLASH.test(decoded) || hasControlCharacter(decoded) || pathname.startsWith('//')) return null
  return decoded.toLowerCase().replace(/\/{2,}/g, '/')
}

/** Checks a path+query taken from `/api/<here>` before it is appended to the backend base URL. */
export function checkBackendPath(pathAndQuery: string): BackendPathResult {
  const routed = routedBackendPath(pathAndQuery)
  if (routed === null) return { ok: false, reason: 'malformed' }
  if (HIDDEN.some(hidden => hidden.test(routed))) return { ok: false, reason: 'hidden' }
  return { ok: true, path: pathAndQuery.startsWith('/') ? pathAndQuery : `/${pathAndQuery}` }
}

/**
 * A backend redirect points at the backend's own URL (DRF builds absolute URLs); the browser must
 * follow it through the proxy instead, so `<apiBase>/x` becomes `<proxyPrefix>/x`.
 */
export function rewriteLocation(location: string, apiBase: string, proxyPrefix = '/api'): string {
  const base = apiBase.replace(/\/+$/, '')
  if (location === base || location.startsWith(`${base}/`) || location.startsWith(`${base}?`)) {
    return proxyPrefix + location.slice(base.length)
  }
  return location
}
