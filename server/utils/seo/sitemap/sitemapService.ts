import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import type { Storage } from 'unstorage'
import { CATEGORIES_PATH, categoryPath, HOME_PATH, productPath, PRODUCTS_PATH } from '~/utils/routes/paths'
import { absoluteUrl } from '~/utils/routes/siteUrl'
import type { CatalogSource } from './catalogSource'
import type { SitemapBuilds } from './sitemapBuilds'
import { cachedSitemapPlan, SITEMAP_STORAGE_TIMEOUT_MS, type SitemapPlan } from './sitemapPlan'
import { laterOf, MAX_URLS_PER_SITEMAP, sitemapIndex, URLSET_CLOSE, URLSET_OPEN, urlEntry } from './sitemapXml'
import { withStorageTimeout } from '../../storage/storageTimeout'
import { buildUrlset } from './urlset'

const gzipAsync = promisify(gzip)

export interface SitemapServiceOptions {
  source: CatalogSource
  /** The shared `cache` mount: the chunk plan, and each finished file for `fileTtlS`. */
  storage: Storage
  siteUrl: string
  /** Products per sitemap file; below the protocol's 50,000 to leave room for products added between walks. */
  chunkSize: number
  /** This process's single-flight and build limit (sitemapBuilds.ts). */
  builds: SitemapBuilds
  planTtlS?: number
  fileTtlS?: number
  /** How long the storage may take to answer before the file is built without it. */
  storageTimeoutMs?: number
  onStorageError?: (message: string, error: unknown) => void
}

/** A complete sitemap file, gzip-compressed (as it is stored and as crawlers take it). */
export type SitemapFile = Buffer

/** Home, listings and every category: the pages that lead crawlers to products. */
const STATIC_PATHS = [HOME_PATH, PRODUCTS_PATH, CATEGORIES_PATH]
// The number as the index writes it: a leading zero would name the same chunk under another key (another full walk).
const PART = /^products-([1-9]\d{0,5})\.xml$/

interface FileSpec {
  /** Identifies this file's content: its name, and the plan it was cut from. */
  id: string
  build: () => Promise<string>
}

/**
 * /sitemap.xml is one <urlset> while the catalog fits in one file, and a <sitemapindex> of /sitemap/pages.xml plus
 * /sitemap/products-{n}.xml once it does not. Every file is complete before it is answered (a failure is an error,
 * never a cut file), kept compressed in the `cache` storage for `fileTtlS` for every instance, and built once at a
 * time per process however many crawlers ask.
 */
export function sitemapService(options: SitemapServiceOptions) {
  const url = (path: string) => absoluteUrl(options.siteUrl, path)
  const productLoc = (product: { id: number, slug: string }) => url(productPath(product))
  const { builds, storage, chunkSize } = options
  const fileTtlS = options.fileTtlS ?? 600
  const storageTimeoutMs = options.storageTimeoutMs ?? SITEMAP_STORAGE_TIMEOUT_MS
  const report = options.onStorageError ?? ((message, error) => console.warn(`[sitemap] ${message}`, error instanceof Error ? error.message : error))
  // Concurrent first requests walk the catalog for the plan once.
  const plan = () => builds.once(`plan:${chunkSize}`, () => cachedSitemapPlan(options.source, { storage, ttlS: options.planTtlS ?? 3600, chunkSize, storageTimeoutMs }))

  async function leadEntries(): Promise<string[]> {
    const slugs = await options.source.categorySlugs()
    return [...STATIC_PATHS, ...slugs.map(categoryPath)].map(path => urlEntry(url(path)))
  }

  async function pagesXml(): Promise<string> {
    return URLSET_OPEN + (await leadEntries()).join('') + URLSET_CLOSE
  }

  /** Whether the catalog fits in one file: /sitemap.xml is then that file, and there are no parts. */
  const fitsOneFile = (current: SitemapPlan, leadCount: number) => current.chunks.length <= 1 && leadCount + current.totalProducts <= MAX_URLS_PER_SITEMAP

  async function rootXml(current: SitemapPlan): Promise<string> {
    const lead = await leadEntries()
    if (fitsOneFile(current, lead.length)) return buildUrlset({ source: options.source, lead, cursor: null, productLoc })
    const newest = current.chunks.reduce<string | null>((latest, chunk) => laterOf(latest, chunk.lastmod), null)
    return sitemapIndex([
      { loc: url('/sitemap/pages.xml'), lastmod: newest },
      ...current.chunks.map((chunk, index) => ({ loc: url(`/sitemap/products-${index + 1}.xml`), lastmod: chunk.lastmod })),
    ])
  }

  /** What a file name stands for under the current plan; null when there is no such file. */
  async function resolve(name: string | null): Promise<FileSpec | null> {
    const match = name === null ? null : PART.exec(name)
    if (name !== null && name !== 'pages.xml' && !match) return null
    const current = await plan()
    if (name === null) return { id: `${current.builtAt}:sitemap.xml`, build: () => rootXml(current) }
    // A part exists only while the index lists it: in a single file every URL is already in /sitemap.xml, and a 200
    // here was a copy under a name nothing lists.
    // (Several chunks are always an index: no need to ask for the categories to know.)
    if (current.chunks.length <= 1 && fitsOneFile(current, (await leadEntries()).length)) return null
    if (!match) return { id: 'pages.xml', build: pagesXml }
    const index = Number(match[1]) - 1
    const chunk = current.chunks[index]
    if (!chunk) return null
    const stopBeforeId = current.chunks[index + 1]?.firstId ?? null
    return { id: `${current.builtAt}:${name}`, build: () => buildUrlset({ source: options.source, lead: [], cursor: chunk.cursor, stopBeforeId, productLoc }) }
  }

  async function kept(key: string): Promise<SitemapFile | null> {
    try {
      const value = await withStorageTimeout(storage.getItemRaw<unknown>(key), storageTimeoutMs)
      return value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : null
    }
    catch (error) {
      report('could not read a kept file; building it', error)
      return null
    }
  }

  async function file(name: string | null): Promise<SitemapFile | null> {
    const spec = await resolve(name)
    if (!spec) return null
    const key = `sitemap:file:${chunkSize}:${spec.id}`
    return await kept(key) ?? await builds.once(key, async () => {
      const compressed = await builds.limited(async () => gzipAsync(await spec.build()))
      await withStorageTimeout(storage.setItemRaw(key, compressed, { ttl: fileTtlS }), storageTimeoutMs)
        .catch((error: unknown) => report('could not keep a built file', error))
      return compressed
    })
  }

  return {
    /** /sitemap.xml: the urlset, or the index once the catalog needs several files. */
    root: (): Promise<SitemapFile | null> => file(null),
    /** One file of the index: "pages.xml" or "products-{n}.xml" (1-based); null when there is no such file. */
    part: (name: string): Promise<SitemapFile | null> => file(name),
  }
}
