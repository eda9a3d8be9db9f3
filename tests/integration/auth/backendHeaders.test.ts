import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AuthDeps } from '~/server/utils/auth/deps'
import { createBackendBreaker, throughBreaker } from '~/server/utils/backend/breakerGate'
import { createBackendGateway, type BackendGateway } from '~/server/utils/backend/gateway'
import { createPublicReads } from '~/server/utils/backend/publicReads'
import { startDemoApi, type RunningDemoApi } from '../../mocks/testing/startDemoApi'
import { CookieClient, DEMO, startTestBff, type TestBff } from './support/bffServer'

// The auth BFF's backend calls (sign-in, /auth/me/, refresh, blacklist, the guest cart merge) go out under the one
// header policy of every backend call (server/utils/backend/headerPolicy.ts): the shopper's request id, address
// chain, host and scheme, never a cookie of the storefront. And through the process's breaker and timeout: refused
// at once while it is open, counted when the backend fails (docs/auth.md, "The backend gateway").

interface Seen { method: string, path: string, headers: IncomingMessage['headers'] }

let api: RunningDemoApi
let recorder: Server
let recorderBase: string
let seen: Seen[] = []
/** Answers the recorder gives itself instead of asking the demo backend, by path. */
let failing: Map<string, number>
let bff: TestBff | undefined

/** A recording hop in front of the demo backend: what the BFF sent, header by header, then the real answer. */
async function relay(req: IncomingMessage): Promise<Response> {
  const path = req.url ?? ''
  seen.push({ method: req.method ?? '', path, headers: req.headers })
  const status = failing.get(path)
  if (status) return new Response('{"detail":"down"}', { status, headers: { 'content-type': 'application/json' } })
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const name of ['accept', 'content-type', 'authorization']) {
    const value = req.headers[name]
    if (typeof value === 'string') headers.set(name, value)
  }
  const body = chunks.length ? Buffer.concat(chunks) : undefined
  return fetch(api.url + path.replace(/^\/api/, ''), { method: req.method, headers, body })
}

beforeAll(async () => {
  api = await startDemoApi({ seedProducts: 5 })
  recorder = createServer((req, res) => {
    relay(req).then(async (answer) => {
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' })
      res.end(Buffer.from(await answer.arrayBuffer()))
    }, () => {
      res.writeHead(500)
      res.end()
    })
  })
  await new Promise<void>(resolve => recorder.listen(0, '127.0.0.1', resolve))
  recorderBase = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}/api`
})

afterAll(async () => {
  recorder.closeAllConnections()
  await new Promise(resolve => recorder.close(resolve))
  await api.close()
})

beforeEach(() => {
  seen = []
  failing = new Map()
})

afterEach(async () => {
  vi.useRealTimers()
  await bff?.close()
  bff = undefined
})

/** The process's gateway as server/plugins/backend.ts makes it, with a breaker that opens at the first failure. */
function makeGateway(cooldownMs: number): BackendGateway {
  return createBackendGateway({
    apiBase: recorderBase,
    timeoutMs: 2_000,
    breaker: createBackendBreaker({ failureThreshold: 1, cooldownMs }, () => {}),
    publicReads: createPublicReads({ ttlMs: 0 }),
    contributors: [],
    authDeps: () => ({}) as AuthDeps,
    sanitizeHtml: html => html,
  })
}

/** A shopper behind the shop's edge proxy, with the storefront's own cookies (a guest cart's among them) in the jar. */
function shopper(requestId: string): Record<string, string> {
  return { 'x-request-id': requestId, 'x-forwarded-for': '203.0.113.7', 'cookie': 'sf_consent=all; sf_cart=1; sf_cart_token=guest-cart-1' }
}

function expectShoppersCall(call: Seen | undefined, requestId: string, host: string): void {
  expect(call, 'a backend call').toBeDefined()
  expect(call!.headers['x-request-id']).toBe(requestId)
  // The shopper's chain and the address the BFF saw, as the /api proxy forwards them.
  expect(call!.headers['x-forwarded-for']).toBe('203.0.113.7, 127.0.0.1')
  expect(call!.headers['x-forwarded-host']).toBe(host)
  expect(call!.headers['x-forwarded-proto']).toBe('http')
  expect(call!.headers.cookie).toBeUndefined()
  expect(call!.headers['x-cart-token']).toBeUndefined()
}

describe('the auth BFF\'s backend calls', () => {
  it('carry the shopper\'s request id, address chain, host and scheme like the proxy\'s, and no cookie', async () => {
    bff = await startTestBff(recorderBase)
    const host = new URL(bff.origin).host
    const client = new CookieClient(bff.origin)

    const signIn = await client.post('/api/auth/login', DEMO, shopper('signin-7'))
    expect(signIn.status).toBe(200)
    // Both ways: the answer names the id the backend calls carried.
    expect(signIn.headers.get('x-request-id')).toBe('signin-7')
    // The guest cart's merge too: its token goes in the body, never as a cookie or header.
    expect(seen.map(call => call.path)).toEqual(['/api/auth/token/', '/api/auth/me/', '/api/cart/merge/'])
    for (const call of seen) expectShoppersCall(call, 'signin-7', host)
    expect(seen[0]!.headers.authorization).toBeUndefined()
    expect(seen[1]!.headers.authorization).toMatch(/^Bearer /)
    expect(seen[2]!.headers.authorization).toBe(seen[1]!.headers.authorization)

    seen = []
    expect((await client.post('/api/auth/refresh', undefined, shopper('refresh-8'))).status).toBe(200)
    expect(seen.map(call => call.path)).toEqual(['/api/auth/token/refresh/'])
    expectShoppersCall(seen[0], 'refresh-8', host)

    seen = []
    expect((await client.post('/api/auth/logout', undefined, shopper('logout-9'))).status).toBe(204)
    expect(seen.map(call => call.path)).toEqual(['/api/auth/token/blacklist/'])
    expectShoppersCall(seen[0], 'logout-9', host)
  })

  it('are refused at once while the process\'s breaker is open, saying when to come back; a refresh keeps the session', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const gateway = makeGateway(30_000)
    bff = await startTestBff(recorderBase, {}, gateway)
    const signedIn = new CookieClient(bff.origin)
    expect((await signedIn.post('/api/auth/login', DEMO)).status).toBe(200)
    const cookie = signedIn.cookie

    // Another part of the shop found the backend down.
    await throughBreaker(gateway.breaker, '/products/', async () => new Response('{}', { status: 502 }))
    expect(gateway.breaker.state).toBe('open')
    vi.setSystemTime(Date.now() + 12_400)
    seen = []

    const signIn = await new CookieClient(bff.origin).post('/api/auth/login', DEMO)
    expect(signIn.status).toBe(503)
    expect(await signIn.json()).toMatchObject({ code: 'circuit_open' })
    // 30 s cool-down, 12.4 s gone: 17.6 s left, rounded up.
    expect(signIn.headers.get('retry-after')).toBe('18')

    const refresh = await signedIn.post('/api/auth/refresh')
    expect(refresh.status).toBe(503)
    expect(refresh.headers.get('retry-after')).toBe('18')
    expect(signedIn.cookie).toBe(cookie)
    expect(seen).toEqual([])
  })

  it('count towards the breaker when the backend fails them', async () => {
    const gateway = makeGateway(30_000)
    bff = await startTestBff(recorderBase, {}, gateway)
    failing.set('/api/auth/token/', 502)
    expect((await new CookieClient(bff.origin).post('/api/auth/login', DEMO)).status).toBe(502)
    expect(gateway.breaker.state).toBe('open')
  })
})
