import type { CatalogSource, SitemapProduct } from './catalogSource'
import { MAX_URLS_PER_SITEMAP, URLSET_CLOSE, URLSET_OPEN, urlEntry } from './sitemapXml'

export interface UrlsetOptions {
  source: CatalogSource
  /** Ready-made <url> entries written first (home, listings, categories). */
  lead: readonly string[]
  /** Cursor of the first product page (null: the catalog's first page). */
  cursor: string | null
  /** Stop before this product: the next sitemap starts there. */
  stopBeforeId?: number | null
  maxUrls?: number
  productLoc: (product: SitemapProduct) => string
}

/**
 * A whole <urlset>: the lead entries, then products page by page from `cursor` until the next file's first product,
 * the end of the catalog or `maxUrls`. Built before a byte is sent, so a backend failure half-way is an error status
 * (503), never a cut file under a 200 (45,000 URLs are ~6 MB of text while being built; sitemapService.ts keeps
 * builds few and their results compressed).
 */
export async function buildUrlset(options: UrlsetOptions): Promise<string> {
  const maxUrls = options.maxUrls ?? MAX_URLS_PER_SITEMAP
  const pages: string[] = [URLSET_OPEN, ...options.lead]
  let written = options.lead.length
  let cursor = options.cursor
  // A backend handing back a cursor it gave before would walk in a circle.
  const walked = new Set<string>()
  let done = false
  while (!done) {
    const page = await options.source.productPage(cursor)
    let text = ''
    for (const product of page.products) {
      if (product.id === options.stopBeforeId || written >= maxUrls) {
        done = true
        break
      }
      text += urlEntry(options.productLoc(product), product.updatedAt)
      written++
    }
    pages.push(text)
    if (cursor) walked.add(cursor)
    cursor = page.nextCursor
    if (!cursor || walked.has(cursor)) done = true
  }
  pages.push(URLSET_CLOSE)
  return pages.join('')
}
