import { createFetch } from 'ofetch'
import { createApiClient } from '~/composables/core/api/createApiClient'
import type { ApiClient } from '~/composables/core/api/types'
import type { User } from '~/services/domain/user'
import { createDemoBackend, type DemoBackend } from '../mocks/createDemoBackend'
import { DEMO_USER_EMAIL, DEMO_USER_PASSWORD } from '../mocks/seed/constants'

const BASE = 'http://backend.test/api'

export interface DemoApi {
  /** The storefront's api core over the demo backend, as the browser reaches it through the BFF. */
  api: ApiClient
  backend: DemoBackend
  /** A call straight to the backend, with this browser's cart and (once signed in) access token: another tab, the shop's admin. */
  call: (path: string, init?: { method?: string, body?: unknown, headers?: Record<string, string> }) => Promise<{ status: number, body: unknown }>
  /** From now on every call carries the demo user's access token (the BFF's part of being signed in); resolves with that user. */
  signIn: () => Promise<User>
}

/**
 * The demo backend (tests/mocks) behind the real api core, in process. What the BFF adds is done here: the cart's
 * token from the latest cart answer is sent with every call (its cookie), and so is the access token once signed in.
 */
export function createDemoApi(seedProducts = 40): DemoApi {
  const backend = createDemoBackend({ baseUrl: BASE, seedProducts })
  let cartToken: string | null = null
  let access: string | null = null

  async function handle(request: Request): Promise<Response> {
    if (cartToken) request.headers.set('X-Cart-Token', cartToken)
    if (access && !request.headers.has('authorization')) request.headers.set('Authorization', `Bearer ${access}`)
    const response = await backend.handle(request) ?? new Response('Not found', { status: 404 })
    const token = response.headers.get('x-cart-token')
    if (token) cartToken = token
    return response
  }

  const api = createApiClient({
    baseURL: BASE,
    breaker: false,
    retry: { maxRetries: 0 },
    fetch: createFetch({ fetch: (input, init) => handle(new Request(input, init)) }),
  })

  async function call(path: string, init: { method?: string, body?: unknown, headers?: Record<string, string> } = {}) {
    const response = await handle(new Request(`${BASE}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'Content-Type': 'application/json', ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }))
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) as unknown : null }
  }

  async function signIn(): Promise<User> {
    const tokens = await call('/auth/token/', { method: 'POST', body: { email: DEMO_USER_EMAIL, password: DEMO_USER_PASSWORD } })
    access = (tokens.body as { access: string }).access
    const record = backend.db.userByEmail(DEMO_USER_EMAIL)!
    return { id: record.id, email: record.email, firstName: record.firstName, lastName: record.lastName, displayName: 'Demo Shopper', memberSince: '2026-01-01T00:00:00Z' }
  }

  return { api, backend, call, signIn }
}

/**
 * `api` with some of its calls answered by the test first (a refusal, a lost answer, a count): each override gets
 * the call and decides whether it reaches `api`. The rest go straight through.
 */
export function interceptApi(api: ApiClient, overrides: Partial<ApiClient>): ApiClient {
  return {
    request: api.request.bind(api),
    get: api.get.bind(api),
    post: api.post.bind(api),
    patch: api.patch.bind(api),
    delete: api.delete.bind(api),
    ...overrides,
  }
}
