const BASE = 'http://same-origin.invalid'
/** Whitespace and control characters: browsers drop tabs and newlines inside URLs, so "/\t/evil" means "//evil". */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u0020\u007f-\u009f\u2028\u2029\\]/

function decodeFully(value: string): string | null {
  let current = value
  // Nested encodings (%252F -> %2F -> /) are unwrapped until stable; a few rounds are plenty for any real link.
  for (let round = 0; round < 5; round++) {
    let next: string
    try {
      next = decodeURIComponent(current)
    }
    catch {
      return null
    }
    if (next === current) return current
    current = next
  }
  return null
}

function isSafePath(candidate: string): boolean {
  return candidate.startsWith('/') && !candidate.startsWith('//') && !UNSAFE_CHARACTERS.test(candidate)
}

/** After decoding, spaces in a query are fine ("red%20shoes"); a path that turns into "//host" or "/\\host" is not. */
function isSafeDecoded(decoded: string): boolean {
  // eslint-disable-next-line no-control-regex
  const squeezed = decoded.replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
  return squeezed.startsWith('/') && !squeezed.startsWith('//') && !squeezed.startsWith('/\\')
}

/**
 * The `redirect` query value as a path on this site, or `fallback`. Only same-origin paths pass: protocol-relative
 * (`//host`), backslash tricks (`/\host`), schemes (`javascript:`, `https:`), whitespace smuggling and their
 * percent-encoded forms are all refused. The answer is re-serialized from a parsed URL, so what we navigate to is
 * exactly what we checked.
 */
export function safeRedirect(raw: unknown, fallback = '/'): string {
  const value = Array.isArray(raw) ? raw[0] : raw
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return fallback
  const decoded = decodeFully(value)
  if (decoded === null || !isSafePath(value) || !isSafeDecoded(decoded)) return fallback
  let url: URL
  try {
    url = new URL(value, BASE)
  }
  catch {
    return fallback
  }
  if (url.origin !== BASE) return fallback
  const path = `${url.pathname}${url.search}${url.hash}`
  return isSafePath(path) ? path : fallback
}
