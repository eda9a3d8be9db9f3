import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createApp, defineEventHandler, toNodeListener } from 'h3'
import { proxyToBackend } from '~/server/utils/backendProxy'

interface SeenRequest { method: string, url: string, headers: IncomingMessage['headers'], body: string }

// A scriptable stand-in for the backend: records what reached it, answers what the test asks for.
let seen: SeenRequest[] = []
let answer: (req: IncomingMessage, res: ServerResponse) => void
let backend: Server
let storefront: Server
let apiBase: string
let storefrontBase: string

function listen(server: Server): Promise<string> {
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)))
}

/** Raw request so repeated headers (Set-Cookie) stay visible as they went over the wire. */
function raw(path: string, init: { method?: string, headers?: Record<string, string>, body?: string } = {}): Promise<{ status: number, headers: IncomingMessage['headers'], rawHeaders: string[], body: string }> {
  return new Promise((resolve, reject) => {
    // host/port/path given apart: a URL string would be normalised by the client and hide `..` segments.
    const { hostname, port } = new URL(storefrontBase)
    const req = httpRequest({ hostname, port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => { body += chunk })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body }))
    })
    req.on('error', reject)
    req.end(init.body)
  })
}

beforeAll(async () => {
  backend = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => { body += chunk.toString() })
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      answer(req, res)
    })
  })
  apiBase = `${await listen(backend)}/api`
  const app = createApp()
  // Mounted like server/api/[...path].ts: the handler sees the full path and strips /api itself. A request with
  // x-test-short-timeout gets a 300 ms limit (the 504 test); every other one a limit no loaded machine reaches.
  app.use(defineEventHandler(event => proxyToBackend(event, apiBase, event.path.replace(/^\/api/, ''), {
    timeoutMs: event.node.req.headers['x-test-short-timeout'] ? 300 : 30_000,
  })))
  storefront = createServer(toNodeListener(app))
  storefrontBase = await listen(storefront)
})

afterAll(async () => {
  backend.closeAllConnections()
  await new Promise(resolve => backend.close(resolve))
  await new Promise(resolve => storefront.close(resolve))
})

beforeEach(() => {
  seen = []
  answer = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{"ok":true}')
  }
})

describe('backend proxy', () => {
  it('forwards allow-listed headers only: never the browser cookies, nor a cart token (the BFF adds it from its cookie)', async () => {
    await raw('/api/products/?page_size=2', {
      headers: { 'cookie': 'sf_session=1; other=2', 'authorization': 'Bearer abc', 'x-cart-token': 'cart-1', 'x-evil': 'yes', 'accept-language': 'de' },
    })
    expect(seen).toHaveLength(1)
    const [request] = seen
    expect(request?.url).toBe('/api/products/?page_size=2')
    expect(request?.headers.cookie).toBeUndefined()
    expect(request?.headers['x-evil']).toBeUndefined()
    expect(request?.headers.authorization).toBe('Bearer abc')
    expect(request?.headers['x-cart-token']).toBeUndefined()
    expect(request?.headers['accept-language']).toBe('de')
    expect(request?.headers['x-forwarded-host']).toMatch(/^127\.0\.0\.1:\d+$/)
    expect(request?.headers['x-forwarded-proto']).toBe('http')
  })

  it('adds a request id both ways, reusing a well-formed incoming one', async () => {
    const fresh = await raw('/api/products/')
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(seen[0]?.headers['x-request-id']).toBe(fresh.headers['x-request-id'])

    const reused = await raw('/api/products/', { headers: { 'x-request-id': 'edge-42' } })
    expect(reused.headers['x-request-id']).toBe('edge-42')
    expect(seen[1]?.headers['x-request-id']).toBe('edge-42')

    const forged = await raw('/api/products/', { headers: { 'x-request-id': 'a b<script>' } })
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('keeps several Set-Cookie headers intact and marks the response private', async () => {
    answer = (_req, res) => {
      res.setHeader('set-cookie', ['a=1; Path=/; HttpOnly; Expires=Wed, 21 Oct 2037 07:28:00 GMT', 'b=2; Path=/api/auth; SameSite=Lax'])
      res.setHeader('cache-control', 'public, max-age=600')
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{}')
    }
    const response = await raw('/api/auth/whatever/')
    const cookies = response.rawHeaders.filter((_value, index, all) => index % 2 === 0 && all[index]?.toLowerCase() === 'set-cookie')
    expect(cookies).toHaveLength(2)
    expect(response.headers['set-cookie']).toEqual([
      'a=1; Path=/; HttpOnly; Expires=Wed, 21 Oct 2037 07:28:00 GMT',
      'b=2; Path=/api/auth; SameSite=Lax',
    ])
    expect(response.headers['cache-control']).toBe('private, no-store')
  })

  it('passes status codes and bodies through, also HTML error pages', async () => {
    answer = (req, res) => {
      if (req.url?.includes('missing')) {
        res.writeHead(404, { 'content-type': 'application/json' })
        res.end('{"detail":"Not found."}')
        return
      }
      // A proxy in front of the backend that wrongly lets its error page be cached.
      res.writeHead(503, { 'content-type': 'text/html', 'retry-after': '7', 'cache-control': 'public, max-age=600' })
      res.end('<html><body>Down for maintenance</body></html>')
    }
    const missing = await raw('/api/products/missing/')
    expect(missing.status).toBe(404)
    expect(JSON.parse(missing.body)).toEqual({ detail: 'Not found.' })

    const down = await raw('/api/products/')
    expect(down.status).toBe(503)
    expect(down.headers['content-type']).toBe('text/html')
    expect(down.headers['retry-after']).toBe('7')
    // A failure is kept by no cache, whatever the backend said.
    expect(down.headers['cache-control']).toBe('no-store')
    expect(down.body).toBe('<html><body>Down for maintenance</body></html>')
  })

  it('forwards request bodies of unsafe methods', async () => {
    answer = (_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' })
      res.end('{"id":9}')
    }
    const created = await raw('/api/cart/items/', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1' },
      body: '{"product_id":1,"quantity":2}',
    })
    expect(created.status).toBe(201)
    expect(seen[0]?.method).toBe('POST')
    expect(seen[0]?.body).toBe('{"product_id":1,"quantity":2}')
    expect(seen[0]?.headers['idempotency-key']).toBe('k-1')
  })

  it('rewrites backend redirects so the browser stays on the proxy', async () => {
    answer = (_req, res) => {
      res.writeHead(301, { location: `${apiBase}/products/?page_size=2` })
      res.end()
    }
    const moved = await raw('/api/products?page_size=2')
    expect(moved.status).toBe(301)
    expect(moved.headers.location).toBe('/api/products/?page_size=2')
  })

  it('refuses paths that climb out of the API or reach the demo control endpoints or the backend\'s token endpoints, without calling the backend', async () => {
    for (const path of ['/api/../admin/', '/api/%2e%2e/admin/', '/api/products/..%2F..%2F', '/api/a\\b/', '/api/a%5cb/', '/api/x%0d%0a/', '/api/%E0%A4%A/']) {
      const refused = await raw(path)
      expect(refused.status, path).toBe(400)
      expect(JSON.parse(refused.body).code).toBe('bad_path')
    }
    expect((await raw('/api/__stats/')).status).toBe(404)
    // SimpleJWT's endpoints would hand the browser a refresh token; registration would skip the BFF's throttles; a
    // password changed past the BFF would sign this browser out with every other (its refresh token blacklisted).
    for (const path of [
      '/api/auth/token/', '/api/auth/token', '/api/auth//token/', '/api/AUTH/Token/', '/api/auth/token%2F', '/api/auth/%74oken/',
      '/api/auth/token/refresh/', '/api/auth/token/blacklist/', '/api/auth/token/verify/', '/api/auth/register/', '/api/%5F%5Ffaults/',
      '/api/auth/users/set_password/', '/api/auth/users/Set_Password', '/api/auth//users/set_password%2F',
    ]) {
      const refused = await raw(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"a@b.c","password":"x"}' })
      expect(refused.status, path).toBe(404)
    }
    expect((await raw('/api/products/', { method: 'TRACE' })).status).toBe(405)
    expect(seen).toHaveLength(0)
  })

  it('answers 504 with a JSON body when the backend is too slow', async () => {
    answer = () => { /* never answers: the proxy's timeout must end the request */ }
    const slow = await raw('/api/products/', { headers: { 'x-test-short-timeout': '1' } })
    expect(slow.status).toBe(504)
    expect(JSON.parse(slow.body)).toMatchObject({ code: 'upstream_timeout' })
    expect(slow.headers['x-request-id']).toBeTruthy()
  })

  it('answers 502 when the backend is unreachable', async () => {
    const closed = createServer()
    const base = await listen(closed)
    await new Promise(resolve => closed.close(resolve))
    const app = createApp()
    app.use(defineEventHandler(event => proxyToBackend(event, `${base}/api`, event.path.replace(/^\/api/, ''))))
    const server = createServer(toNodeListener(app))
    const url = await listen(server)
    const response = await fetch(`${url}/api/products/`)
    await new Promise(resolve => server.close(resolve))
    expect(response.status).toBe(502)
    expect(await response.json()).toMatchObject({ code: 'upstream_unreachable' })
  })
})
