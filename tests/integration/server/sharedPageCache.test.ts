import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Redis from 'ioredis'
import { startDemoApi, type RunningDemoApi } from '~/tests/mocks/testing/startDemoApi'
import { startRedis, startStorefront, type Running } from './support/processes'

// Two storefront processes share one real Redis: what one renders, the other serves, and nothing a
// signed-in shopper sees goes into (or comes out of) that cache.

// Browsers ask again on every load (a guest page kept by the browser was shown after signing in); CDNs keep it.
const SHARED = 'public, max-age=0, must-revalidate'
const SHARED_CDN = 'public, max-age=60, stale-while-revalidate=300, stale-if-error=86400'

let redis: Running
let api: RunningDemoApi
let first: Running
let second: Running
let client: Redis

async function backendRequests(): Promise<number> {
  const stats = await (await fetch(`${api.url}/__stats/`)).json() as { total: number }
  return stats.total
}

async function cachedPageKeys(): Promise<string[]> {
  return (await client.keys('sf:cache:*')).sort()
}

beforeAll(async () => {
  redis = await startRedis()
  api = await startDemoApi({ seedProducts: 200 })
  const options = { apiBase: api.url, siteUrl: 'http://shop.test', redisUrl: redis.url }
  ;[first, second] = await Promise.all([startStorefront(options), startStorefront(options)])
  client = new Redis(redis.url)
})

afterAll(async () => {
  client?.disconnect()
  await Promise.all([first?.stop(), second?.stop()])
  await api?.close()
  await redis?.stop()
})

describe('shared page cache over Redis', () => {
  it('serves a page rendered by one instance from the cache on the other, without asking the backend again', async () => {
    const rendered = await fetch(`${first.url}/products?sort=price-asc`)
    expect(rendered.status).toBe(200)
    expect(rendered.headers.get('x-cache')).toBe('MISS')
    expect(rendered.headers.get('cache-control')).toBe(SHARED)
    expect(rendered.headers.get('cdn-cache-control')).toBe(SHARED_CDN)
    const html = await rendered.text()
    expect(await cachedPageKeys()).toHaveLength(1)

    const before = await backendRequests()
    const served = await fetch(`${second.url}/products?sort=price-asc`)
    expect(served.headers.get('x-cache')).toBe('HIT')
    expect(served.headers.get('cache-control')).toBe(SHARED)
    expect(served.headers.get('cdn-cache-control')).toBe(SHARED_CDN)
    expect(served.headers.get('set-cookie')).toBeNull()
    expect(served.headers.get('content-security-policy')).toBe(rendered.headers.get('content-security-policy'))
    expect(await served.text()).toBe(html)
    expect(await backendRequests()).toBe(before)
  })

  it('answers a conditional request for a cached page with 304', async () => {
    const page = await fetch(`${second.url}/products?sort=price-asc`)
    const etag = page.headers.get('etag')
    expect(etag).toMatch(/^W\/"/)
    const revalidated = await fetch(`${first.url}/products?sort=price-asc`, { headers: { 'if-none-match': etag ?? '' } })
    expect(revalidated.status).toBe(304)
  })

  it('sends a cached page compressed to a browser that accepts it, and as it is to one that does not', async () => {
    const url = `${first.url}/products?sort=price-asc`
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toBe('accept-encoding')
    const html = await plain.text()
    // fetch decodes the body; the headers still say what came over the wire.
    for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip']] as const) {
      const compressed = await fetch(url, { headers: { 'accept-encoding': accept } })
      expect(compressed.headers.get('x-cache')).toBe('HIT')
      expect(compressed.headers.get('content-encoding')).toBe(encoding)
      expect(Number(compressed.headers.get('content-length'))).toBeLessThan(html.length / 4)
      expect(await compressed.text()).toBe(html)
    }
  })

  it('never serves a signed-in shopper from the cache, and never stores what they see', async () => {
    const keysBefore = await cachedPageKeys()
    const backendBefore = await backendRequests()

    // The page is in the cache (previous test), yet a signed-in request is rendered for them.
    const signedIn = await fetch(`${second.url}/products?sort=price-asc`, { headers: { 'cookie': 'sf_refresh=opaque-token', 'accept-encoding': 'gzip, br' } })
    expect(signedIn.status).toBe(200)
    expect(signedIn.headers.get('x-cache')).toBe('BYPASS')
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store')
    // Rendered for them alone, and compressed all the same.
    expect(signedIn.headers.get('content-encoding')).toBe('br')
    expect(await signedIn.text()).toContain('</html>')
    expect(await backendRequests()).toBeGreaterThan(backendBefore)

    // A page nobody has cached yet, seen first by a signed-in shopper, is still not in the cache afterwards.
    const fresh = await fetch(`${first.url}/products?sort=title`, { headers: { cookie: 'theme=dark; sf_refresh=opaque-token' } })
    expect(fresh.headers.get('x-cache')).toBe('BYPASS')
    await fresh.text()
    expect(await cachedPageKeys()).toEqual(keysBefore)
    const anonymous = await fetch(`${second.url}/products?sort=title`)
    expect(anonymous.headers.get('x-cache')).toBe('MISS')
  })

  it('keeps personal pages out of every cache', async () => {
    const keysBefore = await cachedPageKeys()
    const cart = await fetch(`${first.url}/cart`)
    expect(cart.headers.get('x-cache')).toBe('BYPASS')
    await cart.text()
    expect(await cachedPageKeys()).toEqual(keysBefore)
  })
})
