import { describe, expect, it } from 'vitest'
import { createStorage } from 'unstorage'
import type { CatalogSource, SitemapProduct } from '~/server/utils/seo/sitemap/catalogSource'
import { buildSitemapPlan } from '~/server/utils/seo/sitemap/sitemapPlan'
import { sitemapService, type SitemapBody } from '~/server/utils/seo/sitemap/sitemapService'
import { escapeXml } from '~/server/utils/seo/sitemap/sitemapXml'
import { categoryPath, productPath } from '~/utils/routes/paths'
import { absoluteUrl } from '~/utils/routes/siteUrl'

const SITE = 'https://shop.example'

/** A catalog of `count` products served `pageSize` at a time; cursors are page numbers; counts requests. */
function fakeCatalog(count: number, pageSize = 10): CatalogSource & { requests: number } {
  const products: SitemapProduct[] = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    slug: i === 0 ? 'mugs-&-cups' : `product-${i + 1}`,
    updatedAt: new Date(Date.UTC(2025, 0, 1 + (i % 28))).toISOString(),
  }))
  const source = {
    requests: 0,
    async productPage(cursor: string | null) {
      source.requests++
      const page = Number(cursor ?? 0)
      const slice = products.slice(page * pageSize, (page + 1) * pageSize)
      return { products: slice, nextCursor: (page + 1) * pageSize < count ? String(page + 1) : null }
    },
    async categorySlugs() {
      return ['kitchen', 'garden']
    },
  }
  return source
}

async function text(body: SitemapBody | null): Promise<string> {
  if (!body) throw new Error('no sitemap')
  return body.kind === 'xml' ? body.xml : await new Response(body.stream).text()
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

  it('streams one urlset with home, listings, categories and every product while the catalog fits', async () => {
    const source = fakeCatalog(95)
    const service = sitemapService({ source, storage: createStorage(), siteUrl: 'https://shop.example/', chunkSize: 1000 })
    const xml = await text(await service.root())
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
    const source = fakeCatalog(95)
    const service = sitemapService({ source, storage: createStorage(), siteUrl: 'https://shop.example', chunkSize: 30 })
    const index = await text(await service.root())
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    const parts = locs(index)
    expect(parts).toEqual([
      'https://shop.example/sitemap/pages.xml',
      ...[1, 2, 3, 4].map(n => `https://shop.example/sitemap/products-${n}.xml`),
    ])
    const pages = locs(await text(await service.part('pages.xml')))
    expect(pages).toHaveLength(5)
    const products: string[] = []
    for (const n of [1, 2, 3, 4]) products.push(...locs(await text(await service.part(`products-${n}.xml`))))
    expect(products).toHaveLength(95)
    expect(new Set(products).size).toBe(95)
    expect(await service.part('products-5.xml')).toBeNull()
    expect(await service.part('../secrets')).toBeNull()
  })

  it('walks the catalog for the plan once per ttl, sharing it through the cache storage', async () => {
    const source = fakeCatalog(50)
    const storage = createStorage()
    const service = sitemapService({ source, storage, siteUrl: 'https://shop.example', chunkSize: 20 })
    await text(await service.root())
    const afterFirst = source.requests
    expect(afterFirst).toBe(5)
    const other = sitemapService({ source, storage, siteUrl: 'https://shop.example', chunkSize: 20 })
    await text(await other.root())
    expect(source.requests).toBe(afterFirst)
  })

  it('escapes XML special characters', () => {
    expect(escapeXml(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;')
  })
})
