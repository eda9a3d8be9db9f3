import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp, defineEventHandler, getQuery, toNodeListener, type H3Event } from 'h3'
import { $fetch } from 'ofetch'
import { ApiError } from '~/composables/core/api/ApiError'
import { createApiClient, type ApiClientInstance } from '~/composables/core/api/createApiClient'
import { createRenderFetch } from '~/composables/core/api/renderFetch'
import { createBackendBreaker } from '~/server/utils/backend/breakerGate'
import type { BackendCallContributor, ContributedCall } from '~/server/utils/backend/contributors'
import { createBackendGateway, type BackendGateway } from '~/server/utils/backend/gateway'
import { createSanitizedHtml } from '~/server/utils/content/sanitizedHtml'
import { createPublicReads } from '~/server/utils/backend/publicReads'
import type { AuthDeps } from '~/server/utils/auth/deps'

// Issue 20: a server render's backend call is one HTTP request from the render to the backend, under the same
// header, timeout, breaker and error policy as the /api proxy; shared public reads hold nothing per shopper.

interface Seen { method: string, url: string, headers: IncomingMessage['headers'] }

let seen: Seen[] = []
let answer: (req: IncomingMessage, res: ServerResponse) => void
let contributed: ContributedCall['via'][] = []
let backend: Server
let storefront: Server
let apiBase: string
let origin: string
let gateway: BackendGateway

// A per-shopper policy like the cart token's: a header from a cookie on the way out, a header stripped on the way back.
const cartLike: BackendCallContributor = {
  name: 'test-cart',
  prepare(call) {
    contributed.push(call.via)
    const token = /sf_cart_token=([^;]+)/.exec(call.event.headers.get('cookie') ?? '')?.[1]
    if (token) call.headers.set('x-cart-token', token)
    return {
      async transformResponse(response) {
        const headers = new Headers(response.headers)
        headers.delete('x-cart-token')
        return new Response(response.body, { status: response.status, headers })
      },
    }
  },
}

function listen(server: Server): Promise<string> {
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)))
}

/** The api core as a server render builds it (plugins/api.ts), for the render of `event`. */
function renderClient(event: H3Event): ApiClientInstance {
  const client = createApiClient({ fetch: createRenderFetch(gateway, event), baseURL: '/api', breaker: false, timeoutMs: 10_000, retry: { maxRetries: 0 } })
  client.hooks.add({ onRequest: ({ headers }) => { headers['sentry-trace'] = 'trace-1'; headers.cookie = 'sneaked=1' } })
  return client
}

/** The api core as the browser builds it, calling this server's /api proxy over HTTP. */
function browserClient(): ApiClientInstance {
  return createApiClient({ fetch: $fetch, baseURL: `${origin}/api`, timeoutMs: 10_000, retry: { maxRetries: 0 } })
}

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  try {
    return { ok: await promise }
  }
  catch (error) {
    return error instanceof ApiError ? error.toJSON() : { thrown: String(error) }
  }
}

beforeAll(async () => {
  backend = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
    answer(req, res)
  })
  apiBase = `${await listen(backend)}/api`
  const app = createApp()
  // A "page": renders by calling the backend through the core, answers what the core returned or threw.
  app.use('/page', defineEventHandler(async (event) => {
    const { path, token } = getQuery(event) as { path: string, token?: string }
    const client = renderClient(event)
    return outcome(client.get(path, undefined, token ? { headers: { authorization: `Bearer ${token}` } } : {}))
  }))
  // The server's own read for a request (the sitemap's walk): gateway.read.
  app.use('/walk', defineEventHandler(async (event) => {
    const { path } = getQuery(event) as { path: string }
    return (await gateway.read(event, path)).json()
  }))
  app.use('/api', defineEventHandler(event => gateway.proxy(event, event.path)))
  storefront = createServer(toNodeListener(app))
  origin = await listen(storefront)
})

afterAll(async () => {
  backend.closeAllConnections()
  await new Promise(resolve => backend.close(resolve))
  await new Promise(resolve => storefront.close(resolve))
})

/** The site's public origin, as runtimeConfig.public.siteUrl gives it to the gateway. */
const SITE = 'https://shop.example'

/** A fresh process-wide gateway (breaker, shared reads) for each test. */
function makeGateway(base: string): BackendGateway {
  return createBackendGateway({
    apiBase: base,
    publicOrigin: SITE,
    timeoutMs: 2_000,
    breaker: createBackendBreaker({ failureThreshold: 3, cooldownMs: 60_000 }, () => {}),
    publicReads: createPublicReads({ ttlMs: 60_000 }),
    contributors: [cartLike],
    authDeps: () => ({}) as AuthDeps,
    sanitizeHtml: createSanitizedHtml(),
  })
}

afterEach(() => {
  vi.useRealTimers()
})

beforeEach(() => {
  gateway = makeGateway(apiBase)
  seen = []
  contributed = []
  answer = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-cart-token': 'from-backend' })
    res.end('{"ok":true}')
  }
})

async function renderPage(path: string, init: { cookie?: string, token?: string, headers?: Record<string, string> } = {}): Promise<{ body: unknown, requestId: string | null }> {
  const query = new URLSearchParams({ path, ...(init.token ? { token: init.token } : {}) })
  const response = await fetch(`${origin}/page?${query}`, { headers: { ...(init.cookie ? { cookie: init.cookie } : {}), 'x-request-id': 'page-42', ...init.headers } })
  return { body: await response.json(), requestId: response.headers.get('x-request-id') }
}

/** Two clients behind the same load balancer, each with its own address, language and request id. */
const SHOPPER = { 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.7', 'forwarded': 'for=203.0.113.7', 'accept-language': 'de-DE', 'x-request-id': 'shopper-1' }
const CRAWLER = { 'x-forwarded-for': '198.51.100.9', 'x-real-ip': '198.51.100.9', 'forwarded': 'for=198.51.100.9', 'accept-language': 'fr-FR', 'x-request-id': 'crawler-2' }

/** Every header a shared read may carry: nothing of the client that happened to trigger it. */
function expectSharedRead(request: Seen | undefined, requestId: string): void {
  expect(request).toBeDefined()
  for (const name of ['x-forwarded-for', 'x-real-ip', 'forwarded', 'authorization', 'cookie', 'x-cart-token', 'sentry-trace']) {
    expect(request!.headers[name], name).toBeUndefined()
  }
  expect(JSON.stringify(request!.headers)).not.toMatch(/203\.0\.113\.7|198\.51\.100\.9|de-DE|fr-FR|Bearer|cart-9|trace-1/)
  // The site's own host, not the Host a client sent; the id of the request that started the read, for tracing.
  expect(request!.headers['x-forwarded-host']).toBe('shop.example')
  expect(request!.headers['x-forwarded-proto']).toBe('https')
  expect(request!.headers['x-request-id']).toBe(requestId)
}

describe('server render transport', () => {
  it('sends one request straight to the backend: the page\'s request id, the core\'s headers, never a cookie', async () => {
    const { body } = await renderPage('/products/7/', { cookie: 'sf_refresh=secret; sf_cart_token=cart-9', token: 'abc' })
    expect(body).toEqual({ ok: { ok: true } })
    expect(seen).toHaveLength(1)
    const [request] = seen
    expect(request).toMatchObject({ method: 'GET', url: '/api/products/7/' })
    expect(request!.headers.cookie).toBeUndefined()
    expect(request!.headers['x-request-id']).toBe('page-42')
    expect(request!.headers.authorization).toBe('Bearer abc')
    expect(request!.headers['sentry-trace']).toBe('trace-1')
    expect(request!.headers['x-cart-token']).toBe('cart-9')
    expect(request!.headers['x-forwarded-host']).toMatch(/^127\.0\.0\.1:\d+$/)
    expect(contributed).toEqual(['render'])
  })

  it('turns backend failures into the same ApiError as through the /api proxy', async () => {
    answer = (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html', 'retry-after': '7' })
      res.end('<html>maintenance</html>')
    }
    const viaRender = (await renderPage('/products/')).body
    const viaProxy = await outcome(browserClient().get('/products/'))
    expect(viaRender).toEqual(viaProxy)
    expect(viaRender).toMatchObject({ status: 503, code: 'http_503', retryable: true })

    answer = (_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' })
      res.end('{"email":["Enter a valid email address."]}')
    }
    expect((await renderPage('/auth/me/')).body).toEqual(await outcome(browserClient().get('/auth/me/')))
  })

  it('answers 502 upstream_unreachable either way when the backend cannot be reached', async () => {
    gateway = makeGateway('http://127.0.0.1:9/api')
    const viaRender = (await renderPage('/products/')).body
    expect(viaRender).toMatchObject({ status: 502, code: 'upstream_unreachable' })
    expect(viaRender).toEqual(await outcome(browserClient().get('/products/')))
  })

  it('shares public reads between renders, asked as nobody and never a failure', async () => {
    answer = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify([{ slug: 'shoes', seenAuth: req.headers.authorization ?? null }]))
    }
    const first = await renderPage('/categories/', { cookie: 'sf_cart_token=cart-9', token: 'abc' })
    const second = await renderPage('/categories/', { token: 'other' })
    expect(first.body).toEqual({ ok: [{ slug: 'shoes', seenAuth: null }] })
    expect(second.body).toEqual(first.body)
    expect(seen).toHaveLength(1)
    expect(seen[0]!.headers.authorization).toBeUndefined()
    expect(seen[0]!.headers['x-cart-token']).toBeUndefined()
    expect(seen[0]!.headers.cookie).toBeUndefined()
    expect(contributed).toEqual([])

    // A filtered facet list depends on the query: not shared.
    await renderPage('/products/facets/?category=shoes')
    await renderPage('/products/facets/?category=shoes')
    expect(seen).toHaveLength(3)

    answer = (_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' })
      res.end('{"detail":"down"}')
    }
    expect((await renderPage('/products/facets/')).body).toMatchObject({ status: 503 })
    answer = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"brands":[]}')
    }
    expect((await renderPage('/products/facets/')).body).toEqual({ ok: { brands: [] } })
    expect(seen).toHaveLength(5)
  })

  it('sends a shared read as nobody (no address, language or identity of either client), a client\'s own calls as that client', async () => {
    const [first, second] = await Promise.all([
      renderPage('/categories/', { cookie: 'sf_cart_token=cart-9', token: 'abc', headers: SHOPPER }),
      renderPage('/categories/', { token: 'other', headers: CRAWLER }),
    ])
    expect(first.body).toEqual({ ok: { ok: true } })
    expect(second.body).toEqual(first.body)
    expect(seen).toHaveLength(1)
    expectSharedRead(seen[0], seen[0]!.headers['x-request-id'] === 'shopper-1' ? 'shopper-1' : 'crawler-2')

    await renderPage('/products/facets/', { headers: CRAWLER })
    expectSharedRead(seen[1], 'crawler-2')

    // The sitemap's walk, for a crawler: the same policy.
    expect(await (await fetch(`${origin}/walk?path=${encodeURIComponent('/products/?page_size=100')}`, { headers: CRAWLER })).json()).toEqual({ ok: true })
    expectSharedRead(seen[2], 'crawler-2')
    expect(contributed).toEqual([])

    // Each client's personal calls still carry its own address: a render's own listing, the cart through the proxy.
    await renderPage('/products/?category=shoes', { cookie: 'sf_cart_token=cart-9', headers: SHOPPER })
    await fetch(`${origin}/api/cart/`, { headers: { ...CRAWLER, cookie: 'sf_cart_token=cart-7' } })
    expect(seen).toHaveLength(5)
    const [listing, cart] = seen.slice(3)
    expect(listing!.headers['x-forwarded-for']).toBe('203.0.113.7, 127.0.0.1')
    expect(listing!.headers['x-request-id']).toBe('shopper-1')
    expect(listing!.headers['x-cart-token']).toBe('cart-9')
    expect(listing!.headers['x-forwarded-host']).toMatch(/^127\.0\.0\.1:\d+$/)
    expect(cart!.headers['x-forwarded-for']).toBe('198.51.100.9, 127.0.0.1')
    expect(cart!.headers['x-request-id']).toBe('crawler-2')
    expect(cart!.headers['accept-language']).toBe('fr-FR')
    expect(cart!.headers['x-cart-token']).toBe('cart-7')
  })

  it('says when calls go through again while the breaker is open: the cool-down left, by proxy and render', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    answer = (_req, res) => {
      res.writeHead(502, { 'content-type': 'application/json' })
      res.end('{"detail":"bad gateway"}')
    }
    for (let i = 0; i < 3; i++) await outcome(browserClient().get('/orders/'))
    expect(gateway.breaker.state).toBe('open')
    vi.setSystemTime(Date.now() + 20_500)

    const proxied = await fetch(`${origin}/api/products/`)
    expect(proxied.status).toBe(503)
    expect(await proxied.json()).toMatchObject({ code: 'circuit_open' })
    // 60 s cool-down, 20.5 s gone: 39.5 s left, rounded up.
    expect(proxied.headers.get('retry-after')).toBe('40')
    expect(proxied.headers.get('cache-control')).toBe('no-store')
    expect((await renderPage('/products/')).body).toMatchObject({ code: 'circuit_open', retryAfterMs: 40_000 })
    expect(seen).toHaveLength(3)
  })

  it('shares one breaker with the proxy: failures either way open it for both, without further calls', async () => {
    answer = (_req, res) => {
      res.writeHead(502, { 'content-type': 'application/json' })
      res.end('{"detail":"bad gateway"}')
    }
    await outcome(browserClient().get('/orders/'))
    await renderPage('/orders/')
    await outcome(browserClient().get('/orders/'))
    expect(seen).toHaveLength(3)
    expect((await renderPage('/products/')).body).toMatchObject({ code: 'circuit_open' })
    expect(await outcome(browserClient().get('/products/'))).toMatchObject({ status: 503, code: 'circuit_open' })
    expect(seen).toHaveLength(3)
  })

  it('does not cut the shop off because one product keeps failing, by proxy or render, while a second area failing does', async () => {
    answer = (req, res) => {
      const broken = req.url?.startsWith('/api/products/10000/') || req.url?.startsWith('/api/categories/')
      res.writeHead(broken ? 500 : 200, { 'content-type': 'application/json' })
      res.end(broken ? '{"detail":"Server Error (500)"}' : '{"ok":true}')
    }
    // Far more than the threshold (3), both ways, with nothing else asked in between: a crawler, a reload-happy shopper.
    for (let i = 0; i < 4; i++) {
      expect(await outcome(browserClient().get('/products/10000/'))).toMatchObject({ status: 500 })
      expect((await renderPage('/products/10000/')).body).toMatchObject({ status: 500 })
    }
    expect(gateway.breaker.state).toBe('closed')
    expect((await renderPage('/products/')).body).toEqual({ ok: { ok: true } })
    expect(seen).toHaveLength(9)

    for (let i = 0; i < 3; i++) await renderPage('/products/10000/')
    expect((await renderPage('/categories/')).body).toMatchObject({ status: 500 })
    expect(gateway.breaker.state).toBe('open')
    expect(await outcome(browserClient().get('/products/'))).toMatchObject({ status: 503, code: 'circuit_open' })
    expect(seen).toHaveLength(13)
  })
})
