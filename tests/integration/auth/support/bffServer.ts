import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApp, createRouter, defineEventHandler, toNodeListener, type H3Event } from 'h3'
import { createStorage } from 'unstorage'
import { expect } from 'vitest'
import { storageClaim } from '~/server/utils/storage/claim'
import { DEFAULT_RATE_LIMITS, type AuthDeps } from '~/server/utils/auth/deps'
import type { BackendGateway } from '~/server/utils/backend/gateway'
import requestIdMiddleware from '~/server/middleware/01.requestId'
import { handleLogin } from '~/server/utils/auth/routes/login'
import { handleLogout, handleLogoutAll } from '~/server/utils/auth/routes/logout'
import { handleChangePassword } from '~/server/utils/auth/routes/password'
import { handleRefresh } from '~/server/utils/auth/routes/refresh'
import { handleRegister } from '~/server/utils/auth/routes/register'
import { handleSession } from '~/server/utils/auth/routes/session'
import { DEMO_USER_EMAIL, DEMO_USER_PASSWORD } from '../../../mocks/seed/constants'

export interface TestBff {
  origin: string
  deps: AuthDeps
  /** Moves the BFF's clock (rate-limit windows, grace cache) without waiting. */
  advance(ms: number): void
  /** Resolves once the background work of the requests answered so far is done (what Nitro's event.waitUntil keeps). */
  settled(): Promise<void>
  close(): Promise<void>
}

/**
 * The auth routes on a real HTTP server with in-memory storage: what server/api/auth/* runs, minus Nitro. With a
 * `gateway`, each request gets it as server/plugins/backend.ts hands it over (its breaker and timeout apply).
 */
export async function startTestBff(apiBase: string, overrides: Partial<AuthDeps> = {}, gateway?: BackendGateway): Promise<TestBff> {
  let offset = 0
  // Two BFFs given the same `sessions` are two instances sharing one storage: their claims go to it too.
  const sessions = overrides.sessions ?? createStorage()
  const deps: AuthDeps = {
    apiBase,
    sessions,
    claim: storageClaim(sessions),
    limits: createStorage(),
    cookie: { secure: false },
    trustProxy: false,
    rateLimits: DEFAULT_RATE_LIMITS,
    rotation: { graceMs: 20_000, waitMs: 1_000, pollMs: 10 },
    now: () => Date.now() + offset,
    ...overrides,
  }
  const route = (handler: (event: H3Event, deps: AuthDeps) => unknown) => defineEventHandler(event => handler(event, deps))
  const router = createRouter()
    .post('/api/auth/login', route(handleLogin))
    .post('/api/auth/register', route(handleRegister))
    .post('/api/auth/refresh', route(handleRefresh))
    .post('/api/auth/logout', route(handleLogout))
    .post('/api/auth/logout-all', route(handleLogoutAll))
    .post('/api/auth/password', route(handleChangePassword))
    .get('/api/auth/session', route(handleSession))
  const background: Promise<unknown>[] = []
  const app = createApp()
  // As Nitro does: work a route leaves running after its answer is handed to event.waitUntil.
  app.use(defineEventHandler((event) => {
    event.waitUntil = (promise) => {
      background.push(promise)
    }
  }))
  if (gateway) {
    app.use(defineEventHandler((event) => {
      event.context.backend = gateway
    }))
  }
  // Every response names its request, as in Nitro (server/middleware/01.requestId.ts).
  app.use(requestIdMiddleware).use(router)
  const server: Server = createServer(toNodeListener(app))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    deps,
    advance: (ms) => {
      offset += ms
    },
    async settled() {
      while (background.length) await Promise.allSettled(background.splice(0))
    },
    close: () => new Promise(resolve => server.close(() => resolve())),
  }
}

/** A browser-ish client: keeps the refresh cookie like a cookie jar would, sends our CSRF headers by default. */
export class CookieClient {
  cookie: string | undefined

  constructor(private readonly origin: string) {}

  /** Another tab (or a copied cookie): the same refresh cookie now, each keeping its own from here on. */
  copy(): CookieClient {
    const other = new CookieClient(this.origin)
    other.cookie = this.cookie
    return other
  }

  async post(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const merged = { 'origin': this.origin, 'x-requested-with': 'storefront', ...headers }
    return this.send('POST', path, body, Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== '')))
  }

  async get(path: string): Promise<Response> {
    return this.send('GET', path, undefined, {})
  }

  private async send(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
    const all: Record<string, string> = { ...headers }
    if (body !== undefined) all['content-type'] = 'application/json'
    if (this.cookie) all.cookie = `sf_refresh=${this.cookie}`
    const response = await fetch(this.origin + path, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) })
    for (const line of response.headers.getSetCookie()) {
      const match = /^sf_refresh=([^;]*)/.exec(line)
      if (!match) continue
      this.cookie = /max-age=0/i.test(line) || match[1] === '' ? undefined : match[1]
    }
    return response
  }
}

/** The seeded demo shopper's credentials. */
export const DEMO = { email: DEMO_USER_EMAIL, password: DEMO_USER_PASSWORD }

/** A client signed in through the login route at `origin` (it must answer 200), holding the refresh cookie. */
export async function signedInClient(origin: string, credentials: { email: string, password: string } = DEMO): Promise<CookieClient> {
  const client = new CookieClient(origin)
  expect((await client.post('/api/auth/login', credentials)).status).toBe(200)
  return client
}
