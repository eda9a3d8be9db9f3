import { describe, expect, it } from 'vitest'
import { useBuiltStack } from '../server/support/builtStack'
import { productIdFromPath } from '~/utils/routes/productSegment'
import { robotsAllows } from '../../support/robotsRules'
import { anchorUrls, parseHtml } from './support/html'

// A crawler that runs no JavaScript, does not scroll and clicks nothing: it only follows <a href> from the home
// page, honours robots.txt, and must still reach every product of a 500-product catalog.

const PRODUCTS = 500
const MAX_FETCHES = 3_000

const stack = useBuiltStack({ seedProducts: PRODUCTS })

async function robotsOf(origin: string): Promise<(pathAndQuery: string) => boolean> {
  return robotsAllows(await (await fetch(`${origin}/robots.txt`)).text())
}

interface CrawlResult {
  productIds: Set<number>
  fetched: number
  statuses: Map<number, number>
}

async function crawl(origin: string): Promise<CrawlResult> {
  const allowed = await robotsOf(origin)
  const seen = new Set<string>([`${origin}/`])
  const queue = [`${origin}/`]
  const productIds = new Set<number>()
  const statuses = new Map<number, number>()
  let fetched = 0

  const visit = async (url: string) => {
    const response = await fetch(url, { redirect: 'manual', headers: { 'user-agent': 'TestCrawler/1.0' } })
    fetched++
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
    const targets = response.status >= 300 && response.status < 400
      ? [new URL(response.headers.get('location') ?? '/', url).href]
      : response.status === 200 ? anchorUrls(parseHtml(await response.text(), url), url) : []
    if (response.status !== 200) await response.body?.cancel()
    for (const target of targets) {
      const parsed = new URL(target)
      if (parsed.origin !== origin || seen.has(target)) continue
      if (!allowed(parsed.pathname + parsed.search)) continue
      seen.add(target)
      queue.push(target)
    }
    const product = productIdFromPath(url)
    if (product !== null && response.status === 200) productIds.add(product)
  }

  while (queue.length > 0) {
    if (fetched > MAX_FETCHES) throw new Error(`crawl did not converge within ${MAX_FETCHES} fetches`)
    await Promise.all(queue.splice(0, 6).map(visit))
  }
  return { productIds, fetched, statuses }
}

describe('crawling with links only', () => {
  it(`reaches all ${PRODUCTS} product pages from the home page`, async () => {
    const result = await crawl(stack.web.url)
    const expected = stack.api.backend.db.products.map(product => product.id)
    const missing = expected.filter(id => !result.productIds.has(id))
    expect(missing, `${missing.length} products never linked (crawled ${result.fetched} URLs)`).toEqual([])
    expect(result.productIds.size).toBe(PRODUCTS)
    expect(result.statuses.get(404) ?? 0).toBe(0)
    expect(result.statuses.get(500) ?? 0).toBe(0)
  }, 300_000)

  it(`lists all ${PRODUCTS} products in the served sitemap`, async () => {
    const response = await fetch(`${stack.web.url}/sitemap.xml`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('application/xml')
    const xml = await response.text()
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(match => match[1] ?? '')
    const ids = new Set(locs.filter(loc => loc.startsWith('http://shop.test/')).map(productIdFromPath).filter(id => id !== null))
    expect(ids.size).toBe(PRODUCTS)
    // The served robots.txt keeps crawlers off no URL the served sitemap lists (its faceted-navigation rules included).
    const allowed = await robotsOf(stack.web.url)
    expect(locs.filter(loc => !allowed(new URL(loc).pathname + new URL(loc).search))).toEqual([])
  })
})
