import { $fetch } from 'ofetch'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiError } from '~/composables/core/api/ApiError'
import type { BreakerState } from '~/composables/core/api/circuitBreaker'
import { createApiCore } from '~/composables/core/api/createApiCore'
import { startDemoApi, type RunningDemoApi } from '~/tests/mocks/testing/startDemoApi'

// The core against the real demo backend over HTTP: faults are scripted with POST /__faults/ and what reached
// the backend is read from GET /__stats/. Only Date is faked (the breaker's cooldown clock); sockets stay real.

let demo: RunningDemoApi

interface Stats { total: number, routes: Record<string, number> }

const addFault = (fault: Record<string, unknown>) => $fetch(`${demo.url}/__faults/`, { method: 'POST', body: fault })
const stats = () => $fetch<Stats>(`${demo.url}/__stats/`)
const reached = async (route: string) => (await stats()).routes[route] ?? 0

function makeClient(overrides: Parameters<typeof createApiCore>[0]['retry'] = { maxRetries: 0 }) {
  const transitions: BreakerState[] = []
  const { api } = createApiCore({
    fetch: $fetch,
    baseURL: demo.url,
    locks: null,
    retry: { baseDelayMs: 2, ...overrides },
    breaker: { failureThreshold: 5, cooldownMs: 10_000 },
    hooks: { onBreakerStateChange: ({ state }) => void transitions.push(state) },
  })
  return { api, transitions, list: () => api.get<{ results: unknown[] }>('/products/', { page_size: 2 }).catch((e: ApiError) => e) }
}

describe('useApi core against the demo backend', () => {
  beforeAll(async () => {
    demo = await startDemoApi({ port: 0, seedProducts: 200 })
  })
  afterAll(async () => {
    await demo.close()
  })
  beforeEach(async () => {
    await $fetch(`${demo.url}/__faults/`, { method: 'DELETE' })
    vi.useFakeTimers({ toFake: ['Date'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('opens after 5 failures, fails fast without reaching the backend, probes once after the cooldown, closes on success', async () => {
    await addFault({ path_pattern: '/products/', method: 'GET', status: 503 })
    const { api, transitions, list } = makeClient()

    for (let i = 0; i < 5; i++) expect(await list()).toMatchObject({ status: 503 })
    expect(api.breakerState).toBe('open')
    expect(await reached('GET /products/')).toBe(5)

    const fastFails = await Promise.all(Array.from({ length: 20 }, list))
    expect(fastFails.every(e => (e as ApiError).code === 'circuit_open')).toBe(true)
    expect(await reached('GET /products/')).toBe(5)

    // Cooldown over, backend still down: 5 concurrent calls, exactly one probe reaches it, the breaker re-opens.
    vi.setSystemTime(Date.now() + 10_000)
    const probeFailed = await Promise.all(Array.from({ length: 5 }, list))
    // Four fast-fails without a response (status 0) and the one probe, which got the backend's 503.
    expect(probeFailed.map(e => (e as ApiError).status).sort()).toEqual([0, 0, 0, 0, 503])
    expect(probeFailed.filter(e => (e as ApiError).status === 0).every(e => (e as ApiError).code === 'circuit_open')).toBe(true)
    expect(await reached('GET /products/')).toBe(6)
    expect(api.breakerState).toBe('open')

    // Backend back (DELETE clears faults and stats); after the next cooldown the probe succeeds and closes it.
    await $fetch(`${demo.url}/__faults/`, { method: 'DELETE' })
    vi.setSystemTime(Date.now() + 10_000)
    const recovered = await Promise.all(Array.from({ length: 5 }, list))
    expect(recovered.every(r => Array.isArray((r as { results: unknown[] }).results))).toBe(true)
    expect(api.breakerState).toBe('closed')
    expect(await reached('GET /products/')).toBe(5)
    expect(transitions).toEqual(['open', 'half_open', 'open', 'half_open', 'closed'])
  })

  it('never opens on 4xx answers', async () => {
    await addFault({ path_pattern: '/products/', method: 'GET', status: 404 })
    const { api, list } = makeClient()
    for (let i = 0; i < 8; i++) expect(await list()).toMatchObject({ status: 404 })
    expect(api.breakerState).toBe('closed')
    expect(await reached('GET /products/')).toBe(8)
  })

  it('sends a POST without Idempotency-Key once on 503, and retries it with one', async () => {
    await addFault({ path_pattern: '/cart/items/', method: 'POST', status: 503 })
    const { api } = makeClient({ maxRetries: 2 })
    const body = { product_id: 1, quantity: 1 }
    await expect(api.post('/cart/items/', body)).rejects.toMatchObject({ status: 503 })
    expect(await reached('POST /cart/items/')).toBe(1)

    await expect(api.post('/cart/items/', body, { idempotencyKey: 'add-1' })).rejects.toMatchObject({ status: 503 })
    expect(await reached('POST /cart/items/')).toBe(4)
  })

  it('retries a GET through two 503s and resolves', async () => {
    await addFault({ path_pattern: '/products/', method: 'GET', status: 503, count: 2 })
    const { list } = makeClient({ maxRetries: 2 })
    expect(await list()).toHaveProperty('results')
    expect(await reached('GET /products/')).toBe(3)
  })

  it('turns the HTML and garbage bodies the backend can send into readable ApiErrors', async () => {
    const { list } = makeClient()
    await addFault({ path_pattern: '/products/', method: 'GET', status: 502, body: 'html', count: 1 })
    expect(await list()).toMatchObject({ status: 502, code: 'http_502', message: 'The shop is temporarily unreachable. Please try again.' })
    await addFault({ path_pattern: '/products/', method: 'GET', status: 500, body: 'garbage', count: 1 })
    expect(await list()).toMatchObject({ status: 500, code: 'http_500', message: 'Something went wrong on our side. Please try again.' })
    await addFault({ path_pattern: '/products/', method: 'GET', status: 200, body: 'garbage', count: 1 })
    expect(await list()).toMatchObject({ status: 200, code: 'bad_response', message: 'The shop sent an answer we could not read. Please try again.' })
  })
})
