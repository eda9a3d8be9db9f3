import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStorage } from 'unstorage'
import { startDemoApi, type RunningDemoApi } from '~/tests/mocks/testing/startDemoApi'
import { backendCatalogSource, CatalogUnavailableError } from '~/server/utils/seo/sitemap/catalogSource'
import { createSitemapBuilds } from '~/server/utils/seo/sitemap/sitemapBuilds'
import { sitemapService, type SitemapFile } from '~/server/utils/seo/sitemap/sitemapService'
import { categoryPath, productPath } from '~/utils/routes/paths'
import { productIdFromPath } from '~/utils/routes/productSegment'
import { absoluteUrl } from '~/utils/routes/siteUrl'

// The sitemap walks the demo backend's real cursor API (page_size=100) over HTTP.

let api: RunningDemoApi
// The same catalog from a backend that paginates every list, the categories too (DRF's global pagination class).
let paged: RunningDemoApi

beforeAll(async () => {
  api = await startDemoApi({ seedProducts: 500 })
  paged = await startDemoApi({ seedProducts: 500, faults: false, profile: { paginatedCategories: true } })
})

afterAll(async () => {
  await api?.close()
  await paged?.close()
})

async function text(file: SitemapFile | null): Promise<string> {
  if (!file) throw new Error('no sitemap')
  return gunzipSync(file).toString('utf8')
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(match => match[1] ?? '')
const productIds = (urls: string[]) => urls.map(productIdFromPath).filter((id): id is number => id !== null)
const SITE = 'https://shop.example'

function service(chunkSize: number, backend = api) {
  return sitemapService({ source: backendCatalogSource({ apiBase: backend.url }), storage: createStorage(), siteUrl: SITE, chunkSize, builds: createSitemapBuilds() })
}

describe('sitemap over the demo backend', () => {
  it('lists all 500 products and every category in one urlset', async () => {
    const urls = locs(await text(await service(45_000).root()))
    const ids = productIds(urls)
    expect(ids).toHaveLength(500)
    expect(new Set(ids)).toEqual(new Set(api.backend.db.products.map(product => product.id)))
    const slugs = api.backend.db.categories.map(category => category.slug)
    for (const slug of slugs) expect(urls).toContain(absoluteUrl(SITE, categoryPath(slug)))
    for (const product of api.backend.db.products.slice(0, 20)) expect(urls).toContain(absoluteUrl(SITE, productPath(product)))
  })

  it('gives every product URL the lastmod of its last update, and every index entry the newest of its file', async () => {
    const xml = await text(await service(45_000).root())
    const product = api.backend.db.products[7]!
    const entry = new RegExp(`<url><loc>${absoluteUrl(SITE, productPath(product))}</loc><lastmod>([^<]+)</lastmod></url>`).exec(xml)
    expect(entry?.[1]).toBe(new Date(product.updatedAt).toISOString())
    const index = await text(await service(200).root())
    expect([...index.matchAll(/<sitemap><loc>[^<]+products-\d\.xml<\/loc><lastmod>[^<]+<\/lastmod>/g)]).toHaveLength(3)
  })

  it('splits into an index whose product files cover the catalog exactly once', async () => {
    const sitemap = service(200)
    const parts = locs(await text(await sitemap.root()))
    expect(parts).toEqual([
      'https://shop.example/sitemap/pages.xml',
      'https://shop.example/sitemap/products-1.xml',
      'https://shop.example/sitemap/products-2.xml',
      'https://shop.example/sitemap/products-3.xml',
    ])
    const ids: number[] = []
    for (const n of [1, 2, 3]) ids.push(...productIds(locs(await text(await sitemap.part(`products-${n}.xml`)))))
    expect(ids).toHaveLength(500)
    expect(new Set(ids).size).toBe(500)
  })

  it('lists every category when the backend sends them in pages', async () => {
    const firstPage = await (await fetch(`${paged.url}/categories/`)).json() as { next: string | null, results: unknown[] }
    expect(firstPage.next).not.toBeNull()
    const urls = locs(await text(await service(45_000, paged).root()))
    for (const category of paged.backend.db.categories) expect(urls).toContain(absoluteUrl(SITE, categoryPath(category.slug)))
    expect(productIds(urls)).toHaveLength(500)
  })

  it('reports an unreachable backend as such, before any byte is sent', async () => {
    const broken = sitemapService({
      source: backendCatalogSource({ apiBase: 'http://127.0.0.1:9/api', timeoutMs: 2_000, retryDelayMs: 0 }),
      storage: createStorage(),
      siteUrl: SITE,
      chunkSize: 100,
      builds: createSitemapBuilds(),
    })
    await expect(broken.root()).rejects.toBeInstanceOf(CatalogUnavailableError)
  })
})
