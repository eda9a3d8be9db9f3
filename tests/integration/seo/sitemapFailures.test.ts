import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { productIdFromPath } from '~/utils/routes/productSegment'
import { startDemoApi, type RunningDemoApi } from '~/tests/mocks/testing/startDemoApi'
import { startStorefront, type RunningStorefront } from '../server/support/processes'

// The built server's sitemaps while the backend fails half-way through a walk. A crawler must never get a cut file
// under a 200 (it would drop the missing URLs) nor a connection that never ends: a passing hiccup is asked again, a
// lasting one is a 503 with Retry-After that no cache keeps, and it is logged.

const PRODUCTS = 700
// Every test's request must end; a hung one fails here instead of at the test timeout.
const HANG_MS = 20_000

let api: RunningDemoApi
/** An index of products-1..3.xml (300, 300 and 100 products). */
let chunked: RunningStorefront
/** One /sitemap.xml with every URL. */
let single: RunningStorefront

beforeAll(async () => {
  api = await startDemoApi({ seedProducts: PRODUCTS, faults: true })
  ;[chunked, single] = await Promise.all([
    startStorefront({ apiBase: api.url, siteUrl: 'http://shop.test', env: { NUXT_SITEMAP_CHUNK_SIZE: '300' } }),
    startStorefront({ apiBase: api.url, siteUrl: 'http://shop.test' }),
  ])
})

afterAll(async () => {
  await Promise.all([chunked?.stop(), single?.stop()])
  await api?.close()
})

beforeEach(async () => {
  await fetch(`${api.url}/__faults/`, { method: 'DELETE' })
})

/** Scripted backend answers for the product list, in order: `passing` answers as usual, then `failing` 502s. */
async function failProductPages(passing: number, failing: number): Promise<void> {
  const add = (fault: object) => fetch(`${api.url}/__faults/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path_pattern: '/products/', ...fault }) })
  if (passing > 0) await add({ latency_ms: 1, count: passing })
  await add({ status: 502, count: failing })
}

async function productListCalls(): Promise<number> {
  const stats = await (await fetch(`${api.url}/__stats/`)).json() as { routes: Record<string, number> }
  return stats.routes['GET /products/'] ?? 0
}

async function get(web: RunningStorefront, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(web.url + path, { headers, signal: AbortSignal.timeout(HANG_MS) })
  return { status: response.status, headers: response.headers, body: await response.text() }
}

const productUrls = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(match => productIdFromPath(match[1] ?? '')).filter(id => id !== null)

describe('sitemap files while the backend fails', () => {
  it('asks a failed page again and answers the whole file', async () => {
    expect((await get(chunked, '/sitemap.xml')).status).toBe(200)
    await failProductPages(1, 1)
    const file = await get(chunked, '/sitemap/products-2.xml')
    expect(file.status).toBe(200)
    expect(file.headers.get('content-encoding')).toBe('gzip')
    expect(file.body.trimEnd().endsWith('</urlset>')).toBe(true)
    expect(productUrls(file.body)).toHaveLength(300)
  })

  it('answers 503 with Retry-After, kept by no cache, when the page fails again; the next request gets the file', async () => {
    expect((await get(chunked, '/sitemap.xml')).status).toBe(200)
    await failProductPages(1, 2)
    const failed = await get(chunked, '/sitemap/products-1.xml')
    expect(failed.status).toBe(503)
    expect(failed.headers.get('retry-after')).toBe('120')
    expect(failed.headers.get('cache-control')).toBe('no-store')
    expect(failed.body).not.toContain('<urlset')
    expect(chunked.output()).toMatch(/\[sitemap\] sitemap\/products-1\.xml not sent: GET \/products\/\?page_size=100&cursor=\S+ answered 502 \(asked twice\)/)

    const retried = await get(chunked, '/sitemap/products-1.xml')
    expect(retried.status).toBe(200)
    expect(productUrls(retried.body)).toHaveLength(300)
  })

  it('fails a single-file sitemap whole too, then builds it once for crawlers asking together and keeps it', async () => {
    // The plan's walk (7 pages) and the file's first two pages pass; its third page fails twice.
    await failProductPages(9, 2)
    const failed = await get(single, '/sitemap.xml')
    expect(failed.status).toBe(503)
    expect(failed.headers.get('cache-control')).toBe('no-store')

    const before = await productListCalls()
    const together = await Promise.all([get(single, '/sitemap.xml'), get(single, '/sitemap.xml'), get(single, '/sitemap.xml')])
    expect(together.map(answer => answer.status)).toEqual([200, 200, 200])
    for (const answer of together) expect(productUrls(answer.body)).toHaveLength(PRODUCTS)
    expect(await productListCalls() - before).toBe(PRODUCTS / 100)

    const plain = await get(single, '/sitemap.xml', { 'accept-encoding': 'identity' })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.body).toBe(together[0]!.body)
    expect(await productListCalls() - before).toBe(PRODUCTS / 100)
  })
})
