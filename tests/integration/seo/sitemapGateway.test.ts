import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { startDemoApi, type RunningDemoApi } from '~/tests/mocks/testing/startDemoApi'
import { startStorefront, type RunningStorefront } from '../server/support/processes'

// The built server's sitemap reads the backend through the process's backend gateway, the one the /api proxy and
// server renders share (docs/api-core.md, "SSR"): one circuit breaker per backend, the header policy, the gateway's
// timeout. A backend the proxy found dead is not asked again by every sitemap build, a backend the sitemap finds dead
// is cut off for the proxy too, and a hanging one costs a crawler one gateway timeout.

const PRODUCTS = 150
/** The gateway's timeout (NUXT_API_TIMEOUT_MS) in this stack. */
const GATEWAY_TIMEOUT_MS = 1_000
// Ten gateway timeouts: every answer must have come by then. A sitemap on a clock of its own (15 s a call, asked
// twice) would not have answered a hanging backend yet.
const ANSWER_WITHIN_MS = 10 * GATEWAY_TIMEOUT_MS
// Long enough to still be open for the next request, short enough for each test to leave it closed.
const BREAKER_COOLDOWN_MS = 3_000

let api: RunningDemoApi
let web: RunningStorefront

beforeAll(async () => {
  api = await startDemoApi({ seedProducts: PRODUCTS, faults: true })
  web = await startStorefront({
    apiBase: api.url,
    siteUrl: 'http://shop.test',
    env: {
      NUXT_API_TIMEOUT_MS: String(GATEWAY_TIMEOUT_MS),
      NUXT_PUBLIC_API_BREAKER_FAILURE_THRESHOLD: '3',
      NUXT_PUBLIC_API_BREAKER_COOLDOWN_MS: String(BREAKER_COOLDOWN_MS),
      NUXT_SHARED_READS_TTL_S: '0',
    },
  })
})

afterAll(async () => {
  await web?.stop()
  await api?.close()
})

async function control(path: string, method: string, body?: object): Promise<void> {
  await fetch(`${api.url}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined })
}

// Each test leaves a healthy backend and a closed breaker: its probe is let through once the cooldown is over.
afterEach(async () => {
  await control('/__faults/', 'DELETE')
  await vi.waitFor(async () => {
    expect((await get('/api/products/')).status).toBe(200)
  }, { timeout: 15_000, interval: 250 })
  await control('/__stats/', 'DELETE')
})

interface BackendStats {
  total: number
  routes: Record<string, number>
  recent: Array<{ route: string, request_id: string | null }>
}

async function backendStats(): Promise<BackendStats> {
  return await (await fetch(`${api.url}/__stats/`)).json() as BackendStats
}

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(web.url + path, { headers, signal: AbortSignal.timeout(ANSWER_WITHIN_MS) })
  return { status: response.status, headers: response.headers, body: await response.text() }
}

/**
 * A 503 no cache keeps. While the breaker answers for the backend, Retry-After is the breaker's cool-down left
 * (rounded up, at least 1 s): at most the 3 s configured above, not the 120 s the sitemap says otherwise.
 */
function expectSitemapUnavailable(answer: Awaited<ReturnType<typeof get>>, retryAfter: 'breaker' | '120'): void {
  expect(answer.status).toBe(503)
  const seconds = Number(answer.headers.get('retry-after'))
  if (retryAfter === 'breaker') {
    expect(seconds).toBeGreaterThanOrEqual(1)
    expect(seconds).toBeLessThanOrEqual(BREAKER_COOLDOWN_MS / 1000)
  }
  else {
    expect(seconds).toBe(120)
  }
  expect(answer.headers.get('cache-control')).toBe('no-store')
  expect(answer.body).not.toContain('<urlset')
}

describe('the sitemap and the /api proxy share one backend gateway', () => {
  it('answers 503 without calling the backend while the breaker the proxy opened is open', async () => {
    await control('/__faults/', 'POST', { path_pattern: '/*', method: 'GET', status: 503 })
    // Browsers' calls through the proxy find the backend down (503 says: the whole backend); the third opens it.
    for (const path of ['/api/products/', '/api/categories/', '/api/products/?page=2']) expect((await get(path)).status).toBe(503)
    await control('/__stats/', 'DELETE')

    expectSitemapUnavailable(await get('/sitemap.xml'), 'breaker')
    expect((await backendStats()).total).toBe(0)
    expect(web.output()).toMatch(/\[sitemap\] sitemap\.xml not sent: GET \/products\/\?page_size=100 not sent: the backend's circuit breaker is open/)
  })

  it('opens the breaker for the proxy when the sitemap finds the backend dead', async () => {
    await control('/__faults/', 'POST', { path_pattern: '/*', method: 'GET', status: 502 })
    // Each file asks its failing page twice: two builds make three failures. The first was the backend's failure;
    // the second's retry found the breaker open, which answers for the backend.
    expectSitemapUnavailable(await get('/sitemap.xml'), '120')
    expectSitemapUnavailable(await get('/sitemap.xml'), 'breaker')
    await control('/__stats/', 'DELETE')

    const proxied = await get('/api/products/')
    expect(proxied.status).toBe(503)
    expect(JSON.parse(proxied.body)).toMatchObject({ code: 'circuit_open' })
    const retryAfter = Number(proxied.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(BREAKER_COOLDOWN_MS / 1000)
    expect((await backendStats()).total).toBe(0)
  })

  it('answers 503 after one gateway timeout when the backend hangs, and does not ask it again', async () => {
    await control('/__faults/', 'POST', { path_pattern: '/products/*', method: 'GET', latency_ms: 30_000 })
    expectSitemapUnavailable(await get('/sitemap.xml'), '120')
    expect((await backendStats()).routes['GET /products/']).toBe(1)
    expect(web.output()).toMatch(/\[sitemap\] sitemap\.xml not sent: GET \/products\/\?page_size=100 answered 504 upstream_timeout/)
  })

  // Last: a built file is kept 10 minutes, so a later test would get it without any backend call.
  it('sends the crawler\'s request id with every backend call of a build', async () => {
    const answer = await get('/sitemap.xml', { 'x-request-id': 'crawler-visit-7' })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('x-request-id')).toBe('crawler-visit-7')
    const { recent, routes } = await backendStats()
    expect(routes['GET /products/']).toBeGreaterThan(1)
    expect(routes['GET /categories/']).toBeGreaterThan(0)
    expect(recent.map(call => call.request_id)).toEqual(recent.map(() => 'crawler-visit-7'))
  })
})
