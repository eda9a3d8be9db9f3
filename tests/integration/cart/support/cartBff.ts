import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApp, createRouter, defineEventHandler, type H3Event } from 'h3'
import { toNodeListener } from 'h3'
import { createStorage } from 'unstorage'
import { storageClaim } from '~/server/utils/storage/claim'
import { DEFAULT_RATE_LIMITS, type AuthDeps } from '~/server/utils/auth/deps'
import { handleLogin } from '~/server/utils/auth/routes/login'
import { handleLogout, handleLogoutAll } from '~/server/utils/auth/routes/logout'
import { handleRegister } from '~/server/utils/auth/routes/register'
import { proxyToBackend } from '~/server/utils/backendProxy'
import { cartContributor } from '~/server/utils/cart/cartProxy'

export interface CartTestBff {
  origin: string
  close(): Promise<void>
}

/**
 * What server/api/auth/* and server/api/[...path].ts run, minus Nitro: the auth routes and the /api proxy with
 * the cart token policy, on a real HTTP server, in memory.
 */
export async function startCartBff(apiBase: string, options: { secure?: boolean } = {}): Promise<CartTestBff> {
  const sessions = createStorage()
  const deps: AuthDeps = {
    apiBase,
    sessions,
    claim: storageClaim(sessions),
    limits: createStorage(),
    cookie: { secure: options.secure ?? false },
    trustProxy: false,
    rateLimits: { ...DEFAULT_RATE_LIMITS, register: { limit: 1000, windowMs: 60_000 } },
    rotation: { graceMs: 20_000, waitMs: 1_000, pollMs: 10 },
    now: Date.now,
  }
  const route = (handler: (event: H3Event, deps: AuthDeps) => unknown) => defineEventHandler(event => handler(event, deps))
  const contributors = [cartContributor(() => ({ apiBase, cookie: deps.cookie }))]
  const proxy = defineEventHandler(event => proxyToBackend(event, apiBase, event.path.replace(/^\/api/, ''), { contributors }))
  const router = createRouter()
    .post('/api/auth/login', route(handleLogin))
    .post('/api/auth/register', route(handleRegister))
    .post('/api/auth/logout', route(handleLogout))
    .post('/api/auth/logout-all', route(handleLogoutAll))
    .use('/api/**', proxy)
  const server: Server = createServer(toNodeListener(createApp().use(router)))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise(resolve => server.close(() => resolve())) }
}

/** One Set-Cookie line, parsed: name, value and the attributes (lower-cased names). */
export interface SetCookie {
  name: string
  value: string
  attributes: Record<string, string | true>
}

export function parseSetCookie(line: string): SetCookie {
  const [pair = '', ...attrs] = line.split(';').map(part => part.trim())
  const eq = pair.indexOf('=')
  const attributes: Record<string, string | true> = {}
  for (const attr of attrs) {
    const at = attr.indexOf('=')
    if (at < 0) attributes[attr.toLowerCase()] = true
    else attributes[attr.slice(0, at).toLowerCase()] = attr.slice(at + 1)
  }
  return { name: pair.slice(0, eq), value: decodeURIComponent(pair.slice(eq + 1)), attributes }
}

/** A browser-like client: a cookie jar that honours deletions, our CSRF headers on unsafe calls, an access token if signed in. */
export class Browser {
  readonly cookies = new Map<string, string>()
  access: string | undefined
  /** Every response this browser received, for "the token never reached it" checks. */
  readonly seen: Array<{ url: string, headers: Array<[string, string]>, body: string }> = []

  constructor(private readonly origin: string) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ response: Response, body: unknown, setCookies: SetCookie[] }> {
    const all: Record<string, string> = { accept: 'application/json', ...headers }
    if (method !== 'GET') Object.assign(all, { 'origin': this.origin, 'x-requested-with': 'storefront' }, headers)
    if (body !== undefined) all['content-type'] = 'application/json'
    if (this.access && !('authorization' in all)) all.authorization = `Bearer ${this.access}`
    if (this.cookies.size) all.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    const response = await fetch(this.origin + path, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) })
    const setCookies = response.headers.getSetCookie().map(parseSetCookie)
    for (const cookie of setCookies) {
      if (cookie.value === '' || cookie.attributes['max-age'] === '0') this.cookies.delete(cookie.name)
      else this.cookies.set(cookie.name, cookie.value)
    }
    const text = await response.text()
    this.seen.push({ url: path, headers: [...response.headers], body: text })
    let parsed: unknown
    try {
      parsed = text ? JSON.parse(text) : undefined
    }
    catch {
      parsed = text
    }
    return { response, body: parsed, setCookies }
  }

  get(path: string) {
    return this.call('GET', path)
  }

  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.call('POST', path, body, headers)
  }

  async signIn(credentials: { email: string, password: string }) {
    const result = await this.post('/api/auth/login', credentials)
    this.access = (result.body as { access?: string }).access
    return result
  }

  async signOut(path = '/api/auth/logout') {
    const result = await this.post(path)
    this.access = undefined
    return result
  }
}
