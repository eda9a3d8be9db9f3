// What a page URL may look like before anything routes or renders it. Every page path of the storefront is ASCII
// slugs, ids and slashes (utils/routes/); Vue Router, though, trims and collapses what it does not expect, so
// `/products/%20` or `/products/%0A` rendered the whole listing with a 200 under a URL that is no page, and the page
// cache kept a copy per such URL. Checked on the raw request, so nothing later sees them.

/** The whole URL (path and query); longer ones are refused. Cursors and filters fit well within it. */
export const MAX_PAGE_URL_LENGTH = 4_096

/** 400: not a URL (malformed percent-encoding); 404: a URL no page can have; 414: too long. */
export type PageUrlProblem = 400 | 404 | 414

// Whitespace, C0/C1 controls (NUL included), and invisible or direction-changing characters: none is in any page path.
// eslint-disable-next-line no-control-regex
const NOT_IN_A_PATH = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u

// A `.` or `..` segment (`%2e` spelled): browsers resolve them before asking, so only a hand-made request has one, and
// the router resolved it too (`/products/%2e%2e` was the home page, with a 200, under a URL that is no page).
const DOT_SEGMENT = /\/\.{1,2}(?:\/|$)/

export function pageUrlProblem(url: string): PageUrlProblem | null {
  if (url.length > MAX_PAGE_URL_LENGTH) return 414
  const query = url.indexOf('?')
  const path = query < 0 ? url : url.slice(0, query)
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  }
  catch {
    return 400
  }
  if (NOT_IN_A_PATH.test(decoded) || decoded.includes('\\') || DOT_SEGMENT.test(decoded)) return 404
  // The query is the router's: a malformed escape there is kept as text ("100%"), and each value is checked by
  // whoever reads it (utils/routes/listingQuery.ts).
  return null
}
