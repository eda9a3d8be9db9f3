import type { CatalogSource, SitemapProduct, SitemapProductPage } from './catalogSource'
import { MAX_URLS_PER_SITEMAP, URLSET_CLOSE, URLSET_OPEN, urlEntry } from './sitemapXml'

export interface UrlsetStreamOptions {
  source: CatalogSource
  /** Ready-made <url> entries written first (home, listings, categories). */
  lead: string[]
  /** Already fetched first product page, so a failing backend shows as an error status, not a cut stream. */
  firstPage: SitemapProductPage
  /** Stop before this product: the next sitemap starts there. */
  stopBeforeId?: number | null
  maxUrls?: number
  productLoc: (product: SitemapProduct) => string
}

/**
 * A <urlset> written while the catalog is walked, one backend page per read: memory stays flat however
 * big the catalog, and the first bytes leave before the last page is fetched.
 */
export function urlsetStream(options: UrlsetStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const maxUrls = options.maxUrls ?? MAX_URLS_PER_SITEMAP
  let written = options.lead.length
  let page: SitemapProductPage | null = options.firstPage
  let opened = false

  function entriesOf(current: SitemapProductPage): { text: string, finished: boolean } {
    let text = ''
    for (const product of current.products) {
      if (product.id === options.stopBeforeId || written >= maxUrls) return { text, finished: true }
      text += urlEntry(options.productLoc(product), product.updatedAt)
      written++
    }
    return { text, finished: !current.nextCursor }
  }

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!opened) {
        opened = true
        controller.enqueue(encoder.encode(URLSET_OPEN + options.lead.join('')))
        return
      }
      // Each pull must enqueue or close: a pull that does neither is never called again.
      while (page) {
        const { text, finished } = entriesOf(page)
        const nextCursor: string | null = finished ? null : page.nextCursor
        if (text) controller.enqueue(encoder.encode(text))
        page = nextCursor ? await options.source.productPage(nextCursor) : null
        if (text) return
      }
      controller.enqueue(encoder.encode(URLSET_CLOSE))
      controller.close()
    },
  })
}
