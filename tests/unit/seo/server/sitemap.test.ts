import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { createStorage, type Storage } from 'unstorage'
import { CatalogUnavailableError, type CatalogSource, type SitemapProduct } from '~/server/utils/seo/sitemap/catalogSource'
import { createSitemapBuilds } from '~/server/utils/seo/sitemap/sitemapBuilds'
import { buildSitemapPlan } from '~/server/utils/seo/sitemap/sitemapPlan'
import { sitemapService, type SitemapFile } from '~/server/utils/seo/sitemap/sitemapService'
import { escapeXml } from '~/server/utils/seo/sitemap/sitemapXml'
import { categoryPath, productPath } from '~/utils/routes/paths'
import { absoluteUrl } from '~/utils/routes/siteUrl'

const SITE = 'https://shop.example'

/**
 * A catalog of `count` products served `pageSize` at a time; cursors are page numbers. Counts requests and how many
 * were answered at once; `beforePage` may fail a page or hold it.
 */
function fakeCatalog(count: number, pageSize = 10, beforePage?: (cursor: string | null) => Promise<void> | void) {
  const products: SitemapProduct[] = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    slug: i === 0 ? 'mugs-&-cups' : `product-${i + 1}`,
    updatedAt: new Date(Date.UTC(2025, 0, 1 + (i % 28))).toISOString(),
  }))
  const source = {
    requests: 0,
    active: 0,
    mostAtOnce: 0,
    async productPage(cursor: string | null) {
      source.requests++
      source.active++
      source.mostAtOnce = Math.max(source.mostAtOnce, source.active)
      try {
        await beforePage?.(cursor)
        // Answered on a later turn, as a backend would: other walks get to run in between.
        await new Promise(resolve => setImmediate(resolve))
      }
      finally {
        source.active--
      }
      const page = Number(cursor ?? 0)
      const slice = products.slice(page * pageSize, (page + 1) * pageSize)
      return { products: slice, nextCursor: (page + 1) * pageSize < count ? String(page + 1) : null }
    },
    async categorySlugs() {
      return ['kitchen', 'garden']
    },
  } satisfies CatalogSource & Record<string, unknown>
  return source
}

function text(file: SitemapFile | null): string {
  if (!file) throw new Error('no sitemap')
  return gunzipSync(file).toString('utf8')
}

function service(source: CatalogSource, chunkSize: number, storage: Storage = createStorage(), siteUrl = SITE) {
  return sitemapService({ source, storage, siteUrl, chunkSize, builds: createSitemapBuilds() })
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(match => match[1])

describe('sitemap', () => {
  it('cuts the catalog into chunks on page boundaries', async () => {
    const plan = await buildSitemapPlan(fakeCatalog(95), 30, 0)
    expect(plan.totalProducts).toBe(95)
    expect(plan.chunks.map(chunk => [chunk.cursor, chunk.firstId, chunk.count])).toEqual([
      [null, 1, 30], ['3', 31, 30], ['6', 61, 30], ['9', 91, 5],
    ])
    expect(plan.chunks[0]?.lastmod).toBe('2025-01-28T00:00:00.000Z')
  })

  it('answers one urlset with home, listings, categories and every product while the catalog fits', async () => {
    const source = fakeCatalog(95)
    const xml = text(await service(source, 1000, createStorage(), 'https://shop.example/').root())
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true)
    expect(xml.trimEnd().endsWith('</urlset>')).toBe(true)
    const urls = locs(xml)
    expect(urls.slice(0, 5)).toEqual([
      'https://shop.example/', 'https://shop.example/products', 'https://shop.example/categories',
      absoluteUrl(SITE, categoryPath('kitchen')), absoluteUrl(SITE, categoryPath('garden')),
    ])
    expect(urls).toHaveLength(5 + 95)
    expect(new Set(urls).size).toBe(urls.length)
    // The slug is encoded once, by the routes module, as in the page's canonical; nothing reaches the XML unescaped.
    expect(urls).toContain(absoluteUrl(SITE, productPath({ id: 1, slug: 'mugs-&-cups' })))
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/)
    expect(xml).toContain(`<url><loc>${absoluteUrl(SITE, productPath({ id: 2, slug: 'product-2' }))}</loc><lastmod>2025-01-02T00:00:00.000Z</lastmod></url>`)
  })

  it('becomes an index of parts past the chunk size, and the parts together list every product once', async () => {
    const sitemap = service(fakeCatalog(95), 30)
    const index = text(await sitemap.root())
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    const parts = locs(index)
    expect(parts).toEqual([
      'https://shop.example/sitemap/pages.xml',
      ...[1, 2, 3, 4].map(n => `https://shop.example/sitemap/products-${n}.xml`),
    ])
    const pages = locs(text(await sitemap.part('pages.xml')))
    expect(pages).toHaveLength(5)
    const products: string[] = []
    for (const n of [1, 2, 3, 4]) products.push(...locs(text(await sitemap.part(`products-${n}.xml`))))
    expect(products).toHaveLength(95)
    expect(new Set(products).size).toBe(95)
    expect(await sitemap.part('products-5.xml')).toBeNull()
    expect(await sitemap.part('../secrets')).toBeNull()
    expect(await sitemap.part('sitemap.xml')).toBeNull()
  })

  it('has no parts while the catalog fits in one file: only an index names them', async () => {
    const source = fakeCatalog(95)
    const sitemap = service(source, 1000)
    expect(locs(text(await sitemap.root()))).toHaveLength(5 + 95)
    // Each answered 200 with a copy of what /sitemap.xml lists: the same URLs in two files no index names.
    expect(await sitemap.part('pages.xml')).toBeNull()
    expect(await sitemap.part('products-1.xml')).toBeNull()
  })

  it('knows each file by one name: another spelling of a part\'s number is no file, not another walk of its chunk', async () => {
    const source = fakeCatalog(95)
    const sitemap = service(source, 30)
    text(await sitemap.part('products-1.xml'))
    const walked = source.requests
    // `products-01.xml` … `products-000001.xml` were each the same chunk under another key: one more full walk
    // of up to 45,000 products each, and one more copy kept, for a name no index lists.
    for (const alias of ['products-01.xml', 'products-001.xml', 'products-000001.xml']) expect(await sitemap.part(alias)).toBeNull()
    expect(await sitemap.part('products-0.xml')).toBeNull()
    expect(source.requests).toBe(walked)
  })

  it('walks the catalog for the plan once per ttl, sharing it through the cache storage', async () => {
    const source = fakeCatalog(50)
    const storage = createStorage()
    text(await service(source, 20, storage).root())
    const afterFirst = source.requests
    expect(afterFirst).toBe(5)
    // Another instance (its own builds) with the same storage walks nothing: the plan and the index are kept there.
    text(await service(source, 20, storage).root())
    expect(source.requests).toBe(afterFirst)
  })

  it('answers a file only once it is complete: a page failing half-way fails the file, and nothing is kept', async () => {
    let failing = true
    const source = fakeCatalog(95, 10, (cursor) => {
      if (failing && cursor === '5') throw new CatalogUnavailableError('GET /products/?cursor=5 answered 502 (asked twice)')
    })
    const storage = createStorage()
    const sitemap = service(source, 1000, storage)
    await expect(sitemap.root()).rejects.toBeInstanceOf(CatalogUnavailableError)
    expect((await storage.getKeys()).filter(key => key.includes('sitemap:file'))).toEqual([])
    failing = false
    const urls = locs(text(await sitemap.root()))
    expect(urls).toHaveLength(5 + 95)
  })

  it('builds a file once for crawlers asking at the same time, and keeps it for other instances', async () => {
    const source = fakeCatalog(95)
    const storage = createStorage()
    const sitemap = service(source, 1000, storage)
    const files = await Promise.all([sitemap.root(), sitemap.root(), sitemap.root()])
    // One walk for the plan and one for the file, shared by all three.
    expect(source.requests).toBe(20)
    expect(new Set(files.map(text)).size).toBe(1)
    const walked = source.requests
    expect(text(await service(source, 1000, storage).root())).toBe(text(files[0]!))
    expect(source.requests).toBe(walked)
  })

  it('builds at most two files at a time per process', async () => {
    const source = fakeCatalog(200, 10)
    const sitemap = service(source, 20)
    await sitemap.root()
    source.mostAtOnce = 0
    const parts = await Promise.all([1, 2, 3, 4, 5, 6].map(n => sitemap.part(`products-${n}.xml`)))
    expect(parts.flatMap(part => locs(text(part)))).toHaveLength(120)
    expect(source.mostAtOnce).toBe(2)
  })

  it('answers without the storage when it hangs (a stopped Redis keeps its connections open and answers nothing)', async () => {
    const hung = () => new Promise<never>(() => {})
    const storage = createStorage({ driver: { hasItem: hung, getItem: hung, setItem: hung, removeItem: hung, getKeys: hung, clear: hung } })
    const sitemap = sitemapService({ source: fakeCatalog(30), storage, siteUrl: SITE, chunkSize: 1000, builds: createSitemapBuilds(), storageTimeoutMs: 5, onStorageError: () => {} })
    expect(locs(text(await sitemap.root()))).toHaveLength(5 + 30)
  })

  it('escapes XML special characters', () => {
    expect(escapeXml(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;')
  })
})
