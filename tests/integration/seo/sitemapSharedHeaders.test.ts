import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStorefront, type RunningStorefront } from '../server/support/processes'

// The built server's sitemap walk is made once for every crawler asking (one build per file, shared), so the backend
// must not see it as any one of them: no client's address (a per-IP throttle such as DRF's AnonRateThrottle would
// charge whichever crawler came first), no client's language, the site's own host. A shopper's own call through the
// /api proxy still carries that shopper's address. The backend here only records what it is sent.

interface Seen { path: string, headers: IncomingHttpHeaders }

let seen: Seen[] = []
let backend: Server
let web: RunningStorefront

const SHOPPER = { 'x-forwarded-for': '203.0.113.7', 'accept-language': 'de-DE', 'x-request-id': 'shopper-1' }
const CRAWLER = { 'x-forwarded-for': '198.51.100.9', 'accept-language': 'fr-FR', 'x-request-id': 'crawler-2' }

beforeAll(async () => {
  backend = createServer((req, res) => {
    const path = (req.url ?? '').replace(/^\/api/, '')
    seen.push({ path, headers: req.headers })
    const body = path.startsWith('/products/') ? { next: null, previous: null, results: [{ id: 1, slug: 'mug' }] } : path.startsWith('/categories/') ? [{ id: 1, slug: 'kitchen' }] : {}
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  })
  await new Promise<void>(resolve => backend.listen(0, '127.0.0.1', resolve))
  web = await startStorefront({
    apiBase: `http://127.0.0.1:${(backend.address() as AddressInfo).port}/api`,
    siteUrl: 'https://shop.example',
  })
})

afterAll(async () => {
  await web?.stop()
  backend?.closeAllConnections()
  await new Promise(resolve => backend?.close(resolve))
})

describe('the sitemap walk as the backend sees it', () => {
  it('carries no crawler\'s address or language, while a shopper\'s own call through the proxy carries theirs', async () => {
    seen = []
    const answers = await Promise.all([
      fetch(`${web.url}/sitemap.xml`, { headers: { ...CRAWLER, 'user-agent': 'Crawler' } }),
      fetch(`${web.url}/sitemap.xml`, { headers: { ...SHOPPER, 'user-agent': 'Shopper' } }),
    ])
    for (const answer of answers) expect(answer.status).toBe(200)
    expect(await answers[0]!.text()).toContain('https://shop.example/products/1-mug')

    const walk = seen.filter(call => call.path.startsWith('/products/') || call.path.startsWith('/categories/'))
    expect(walk.map(call => call.path)).toEqual(expect.arrayContaining(['/products/?page_size=100', '/categories/']))
    for (const { headers } of walk) {
      expect(headers['x-forwarded-for']).toBeUndefined()
      expect(JSON.stringify(headers)).not.toMatch(/203\.0\.113\.7|198\.51\.100\.9|de-DE|fr-FR/)
      expect(headers['x-forwarded-host']).toBe('shop.example')
      expect(headers['x-forwarded-proto']).toBe('https')
      // Traced to the request that started the walk, one of the two.
      expect(['crawler-2', 'shopper-1']).toContain(headers['x-request-id'])
    }

    seen = []
    expect((await fetch(`${web.url}/api/cart/`, { headers: SHOPPER })).status).toBe(200)
    expect(seen).toHaveLength(1)
    expect(seen[0]!.headers['x-forwarded-for']).toBe('203.0.113.7, 127.0.0.1')
    expect(seen[0]!.headers['accept-language']).toBe('de-DE')
    expect(seen[0]!.headers['x-request-id']).toBe('shopper-1')
  })
})
