import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApp, createRouter, defineEventHandler, toNodeListener, type H3Event } from 'h3'
import { createStorage, type Storage } from 'unstorage'
import { createDemoBackend, type DemoBackend } from '../../../mocks/createDemoBackend'
import { serveHandlers } from '../../../mocks/server/nodeServer'
import { storageClaim } from '~/server/utils/storage/claim'
import { DEFAULT_RATE_LIMITS, type AuthDeps } from '~/server/utils/auth/deps'
import { profileChangeContributor } from '~/server/utils/auth/profileChangeContributor'
import { sessionForRender } from '~/server/utils/auth/renderSession'
import { handleLogin } from '~/server/utils/auth/routes/login'
import { handleLogout, handleLogoutAll } from '~/server/utils/auth/routes/logout'
import { handleRefresh } from '~/server/utils/auth/routes/refresh'
import { proxyToBackend } from '~/server/utils/backendProxy'

export interface RenderSessionStack {
  /** The BFF: /api/auth/* routes, the /api proxy, and GET /render answering what a server render would get. */
  origin: string
  apiBase: string
  backend: DemoBackend
  deps: AuthDeps
  /** Moves the clock of the backend (token expiry) and of the BFF together, without waiting. */
  advance(ms: number): void
  /** Backend calls per route since the last call, e.g. {"POST /auth/token/refresh/": 1}. */
  takeStats(): Promise<Record<string, number>>
  close(): Promise<void>
}

/** The demo backend and the auth BFF in this process, on one movable clock; `sessions` lets a test break the storage. */
export async function startRenderSessionStack(options: { accessTtlS?: number, sessions?: Storage } = {}): Promise<RenderSessionStack> {
  let offset = 0
  const now = () => Date.now() + offset
  const origin = 'http://demo-api.internal'
  const backend = createDemoBackend({ baseUrl: `${origin}/api`, seedProducts: 20, accessTtlS: options.accessTtlS ?? 300, now })
  const api = await serveHandlers(backend.handlers, { host: '127.0.0.1', port: 0, origin })
  const apiBase = `http://127.0.0.1:${api.port}/api`
  const sessions = options.sessions ?? createStorage()
  const deps: AuthDeps = {
    apiBase,
    sessions,
    claim: storageClaim(sessions),
    limits: createStorage(),
    cookie: { secure: false },
    trustProxy: false,
    rateLimits: DEFAULT_RATE_LIMITS,
    rotation: { graceMs: 20_000, waitMs: 1_000, pollMs: 10 },
    now,
  }
  const route = (handler: (event: H3Event, deps: AuthDeps) => unknown) => defineEventHandler(event => handler(event, deps))
  const router = createRouter()
    .post('/api/auth/login', route(handleLogin))
    .post('/api/auth/refresh', route(handleRefresh))
    .post('/api/auth/logout', route(handleLogout))
    .post('/api/auth/logout-all', route(handleLogoutAll))
    .get('/render', route(sessionForRender))
  const contributors = [profileChangeContributor(() => deps)]
  const app = createApp()
    .use(router)
    .use('/api', defineEventHandler(event => proxyToBackend(event, apiBase, event.path, { contributors })))
  const server: Server = createServer(toNodeListener(app))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const bffOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  await fetch(`${apiBase}/__stats/`, { method: 'DELETE' })
  return {
    origin: bffOrigin,
    apiBase,
    backend,
    deps,
    advance: (ms) => {
      offset += ms
    },
    async takeStats() {
      const stats = await (await fetch(`${apiBase}/__stats/`)).json() as { routes: Record<string, number> }
      await fetch(`${apiBase}/__stats/`, { method: 'DELETE' })
      return stats.routes
    },
    close: async () => {
      await new Promise(resolve => server.close(resolve))
      await api.close()
    },
  }
}
