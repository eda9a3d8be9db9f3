import type { StoredPage } from './pageCache'

// A stored page is one string: a format line, a line of JSON with everything but the body, then the body as it
// is. Read back, only the small JSON line is parsed. Parsing the whole page as JSON (every quote of the HTML
// escaped) was, after unstorage's destr, most of a cache HIT's CPU time. JSON.stringify escapes newlines, so the
// JSON line cannot contain one.
const FORMAT = 'storefront-page/1\n'

export function encodeStoredPage(page: StoredPage): string {
  const { body, ...meta } = page
  return `${FORMAT}${JSON.stringify(meta)}\n${body}`
}

export function isStoredPage(value: unknown): value is StoredPage {
  if (!value || typeof value !== 'object') return false
  const page = value as Partial<StoredPage>
  return typeof page.body === 'string' && typeof page.storedAt === 'number' && typeof page.status === 'number' && !!page.headers
}

/** The page, or null for anything else (an older format, another writer's value); throws on a corrupt entry. */
export function decodeStoredPage(raw: unknown): StoredPage | null {
  if (typeof raw !== 'string' || !raw.startsWith(FORMAT)) return null
  const end = raw.indexOf('\n', FORMAT.length)
  if (end < 0) throw new Error('stored page without a body line')
  const meta: unknown = JSON.parse(raw.slice(FORMAT.length, end))
  if (!meta || typeof meta !== 'object') return null
  const page = { ...meta, body: raw.slice(end + 1) }
  return isStoredPage(page) ? page : null
}
