import type { Storage } from 'unstorage'
import { CATEGORIES_PATH, categoryPath, HOME_PATH, productPath, PRODUCTS_PATH } from '~/utils/routes/paths'
import { absoluteUrl } from '~/utils/routes/siteUrl'
import type { CatalogSource } from './catalogSource'
import { cachedSitemapPlan } from './sitemapPlan'
import { laterOf, MAX_URLS_PER_SITEMAP, sitemapIndex, URLSET_CLOSE, URLSET_OPEN, urlEntry } from './sitemapXml'
import { urlsetStream } from './urlsetStream'

export interface SitemapServiceOptions {
  source: CatalogSource
  storage: Storage
  siteUrl: string
  /** Products per sitemap file; below the protocol's 50,000 to leave room for products added between walks. */
  chunkSize: number
  planTtlS?: number
}

export type SitemapBody = { kind: 'xml', xml: string } | { kind: 'stream', stream: ReadableStream<Uint8Array> }

/** Home, listings and every category: the pages that lead crawlers to products. */
const STATIC_PATHS = [HOME_PATH, PRODUCTS_PATH, CATEGORIES_PATH]

/**
 * /sitemap.xml is one streamed <urlset> while the catalog fits in one file, and a <sitemapindex> of
 * /sitemap/pages.xml plus /sitemap/products-{n}.xml once it does not.
 */
export function sitemapService(options: SitemapServiceOptions) {
  const url = (path: string) => absoluteUrl(options.siteUrl, path)
  const productLoc = (product: { id: number, slug: string }) => url(productPath(product))
  const plan = () => cachedSitemapPlan(options.source, { storage: options.storage, ttlS: options.planTtlS ?? 3600, chunkSize: options.chunkSize })

  async function leadEntries(): Promise<string[]> {
    const slugs = await options.source.categorySlugs()
    return [...STATIC_PATHS, ...slugs.map(categoryPath)].map(path => urlEntry(url(path)))
  }

  async function productsStream(lead: string[], cursor: string | null, stopBeforeId: number | null): Promise<SitemapBody> {
    const firstPage = await options.source.productPage(cursor)
    return { kind: 'stream', stream: urlsetStream({ source: options.source, lead, firstPage, stopBeforeId, productLoc }) }
  }

  return {
    async root(): Promise<SitemapBody> {
      const [current, lead] = await Promise.all([plan(), leadEntries()])
      if (current.chunks.length <= 1 && lead.length + current.totalProducts <= MAX_URLS_PER_SITEMAP) {
        return productsStream(lead, null, null)
      }
      const newest = current.chunks.reduce<string | null>((latest, chunk) => laterOf(latest, chunk.lastmod), null)
      return {
        kind: 'xml',
        xml: sitemapIndex([
          { loc: url('/sitemap/pages.xml'), lastmod: newest },
          ...current.chunks.map((chunk, index) => ({ loc: url(`/sitemap/products-${index + 1}.xml`), lastmod: chunk.lastmod })),
        ]),
      }
    },

    /** One file of the index: "pages.xml" or "products-{n}.xml" (1-based); null when there is no such file. */
    async part(name: string): Promise<SitemapBody | null> {
      if (name === 'pages.xml') {
        return { kind: 'xml', xml: URLSET_OPEN + (await leadEntries()).join('') + URLSET_CLOSE }
      }
      const match = /^products-(\d{1,6})\.xml$/.exec(name)
      if (!match) return null
      const current = await plan()
      const index = Number(match[1]) - 1
      const chunk = current.chunks[index]
      if (!chunk) return null
      return productsStream([], chunk.cursor, current.chunks[index + 1]?.firstId ?? null)
    },
  }
}
