const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&apos;' }

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, char => XML_ESCAPES[char] ?? char)
}

/** The sitemap protocol's limit per file. */
export const MAX_URLS_PER_SITEMAP = 50_000

export const URLSET_OPEN = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
export const URLSET_CLOSE = '</urlset>\n'

/** lastmod as W3C date-time, or nothing when it is unknown or unreadable. */
function lastmodTag(lastmod: string | null | undefined): string {
  if (!lastmod) return ''
  const date = new Date(lastmod)
  return Number.isNaN(date.getTime()) ? '' : `<lastmod>${date.toISOString()}</lastmod>`
}

export function urlEntry(loc: string, lastmod?: string | null): string {
  return `<url><loc>${escapeXml(loc)}</loc>${lastmodTag(lastmod)}</url>\n`
}

export function sitemapIndex(entries: ReadonlyArray<{ loc: string, lastmod?: string | null }>): string {
  const body = entries.map(entry => `<sitemap><loc>${escapeXml(entry.loc)}</loc>${lastmodTag(entry.lastmod)}</sitemap>\n`).join('')
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}</sitemapindex>\n`
}

/** The newer of two ISO timestamps (either may be missing). */
export function laterOf(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null
  if (!b) return a
  return Date.parse(b) > Date.parse(a) ? b : a
}
