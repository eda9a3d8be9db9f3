import { IncomingMessage, ServerResponse } from 'node:http'
import { Socket } from 'node:net'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEvent } from 'h3'
import { createStorage } from 'unstorage'
import { DEMO_PROFILES } from '~/tests/mocks/profile'
import { startDemoApi, type RunningDemoApi } from '~/tests/mocks/testing/startDemoApi'
import { anonymousRead } from '~/server/utils/backend/anonymousRead'
import { backendCatalogSource, CatalogUnavailableError, type BackendRead } from '~/server/utils/seo/sitemap/catalogSource'
import { createSitemapBuilds } from '~/server/utils/seo/sitemap/sitemapBuilds'
import { sitemapService, type SitemapFile } from '~/server/utils/seo/sitemap/sitemapService'
import { categoryPath, productPath } from '~/utils/routes/paths'
import { productIdFromPath } from '~/utils/routes/productSegment'
import { absoluteUrl } from '~/utils/routes/siteUrl'

// The sitemap walks the demo backend's real cursor API (page_size=100) over HTTP, each call sent as the server's
// backend gateway sends it (anonymousRead: the header policy, timeout and error answers; no breaker here).

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

/** The gateway's anonymous read of `apiBase`, for a crawler's request for /sitemap.xml. */
function gatewayRead(apiBase: string, timeoutMs = 5_000): BackendRead {
  const req = new IncomingMessage(new Socket())
  req.method = 'GET'
  req.url = '/sitemap.xml'
  req.headers.host = 'shop.example'
  const event = createEvent(req, new ServerResponse(req))
  return path => anonymousRead(event, { apiBase, timeoutMs, contributors: [] }, undefined, path)
}

function service(chunkSize: number, backend = api) {
  return sitemapService({ source: backendCatalogSource({ read: gatewayRead(backend.url) }), storage: createStorage(), siteUrl: SITE, chunkSize, builds: createSitemapBuilds() })
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
      source: backendCatalogSource({ read: gatewayRead('http://127.0.0.1:9/api', 2_000), retryDelayMs: 0 }),
      storage: createStorage(),
      siteUrl: SITE,
      chunkSize: 100,
      builds: createSitemapBuilds(),
    })
    await expect(broken.root()).rejects.toBeInstanceOf(CatalogUnavailableError)
  })
})

// DRF's other global pagination classes: `next` carries `?page=N` (PageNumberPagination, page_size honoured) or
// `?limit=&offset=` (LimitOffsetPagination, its own limit) instead of a cursor. The walk follows them with the
// storefront's own reading of `next` (services/mappers/cursorPage.ts), the one the product lists use.
describe.each(['drf-page-number', 'drf-limit-offset'] as const)('sitemap over a demo backend paging as %s', (profile) => {
  let styled: RunningDemoApi

  beforeAll(async () => {
    styled = await startDemoApi({ seedProducts: 500, faults: false, profile: DEMO_PROFILES[profile] })
  })
  afterAll(async () => {
    await styled?.close()
  })

  it('lists every product once, in one urlset and across the files of an index', async () => {
    const first = await (await fetch(`${styled.url}/products/?page_size=100`)).json() as { next: string | null }
    expect(first.next).toMatch(profile === 'drf-page-number' ? /[?&]page=2\b/ : /[?&]offset=\d+/)
    const all = new Set(styled.backend.db.products.map(product => product.id))

    const single = productIds(locs(await text(await service(45_000, styled).root())))
    expect(single).toHaveLength(500)
    expect(new Set(single)).toEqual(all)

    const sitemap = service(200, styled)
    const parts = locs(await text(await sitemap.root())).filter(loc => /products-\d+\.xml$/.test(loc))
    expect(parts.length).toBeGreaterThan(1)
    const ids: number[] = []
    for (const n of parts.keys()) ids.push(...productIds(locs(await text(await sitemap.part(`products-${n + 1}.xml`)))))
    expect(ids).toHaveLength(500)
    expect(new Set(ids)).toEqual(all)
  })
})
