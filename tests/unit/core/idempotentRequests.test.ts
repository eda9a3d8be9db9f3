import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiError } from '~/composables/core/api/ApiError'
import { API, makeCore, useMswServer } from './support'

// A POST with an Idempotency-Key is only safe to send again if every copy is the same request: the same key and
// the same body, whether the copy comes from a retry after a 503 or from the replay after a token refresh.

const server = useMswServer()

interface Seen { key: string | null, body: string, auth: string | null }

function ordersEndpoint(answer: (seen: Seen[]) => Response) {
  const seen: Seen[] = []
  server.use(http.post(`${API}/orders/`, async ({ request }) => {
    seen.push({ key: request.headers.get('idempotency-key'), body: await request.text(), auth: request.headers.get('authorization') })
    return answer(seen)
  }))
  return seen
}

const BODY = { shipping_method_id: 2, payment_token: 'tok_visa', shipping_address: { city: 'Lyon', line1: '1 Rue' } }

describe('idempotent requests in the core', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('retries after a 503 with the same key and the same body bytes', async () => {
    const seen = ordersEndpoint(s => (s.length === 1 ? HttpResponse.json({ detail: 'Down.' }, { status: 503 }) : HttpResponse.json({ id: 9 }, { status: 201 })))
    const { api } = makeCore()
    const result = api.post('/orders/', BODY, { idempotencyKey: 'attempt-1' })
    await vi.runAllTimersAsync()
    await expect(result).resolves.toEqual({ id: 9 })
    expect(seen.map(s => s.key)).toEqual(['attempt-1', 'attempt-1'])
    expect(new Set(seen.map(s => s.body)).size).toBe(1)
    expect(JSON.parse(seen[0]!.body)).toEqual(BODY)
  })

  it('replays after a refreshed token with the same key and body, and only the token differs', async () => {
    const seen = ordersEndpoint(s => (s.at(-1)!.auth === 'Bearer fresh'
      ? HttpResponse.json({ id: 9 }, { status: 201 })
      : HttpResponse.json({ detail: 'Given token not valid for any token type', code: 'token_not_valid' }, { status: 401 })))
    server.use(http.post(`${API}/auth/refresh`, () => HttpResponse.json({ access: 'fresh' })))
    const { api, session } = makeCore()
    session.setAccessToken('expired')
    const result = api.post('/orders/', BODY, { idempotencyKey: 'attempt-2' })
    await vi.runAllTimersAsync()
    await expect(result).resolves.toEqual({ id: 9 })
    expect(seen.map(s => [s.key, s.auth])).toEqual([['attempt-2', 'Bearer expired'], ['attempt-2', 'Bearer fresh']])
    expect(seen[0]!.body).toBe(seen[1]!.body)
  })

  it('sends once when the caller asks for no retries (it retries itself, after looking for the order)', async () => {
    const seen = ordersEndpoint(() => HttpResponse.json({ detail: 'Down.' }, { status: 503 }))
    const result = makeCore().api.post('/orders/', BODY, { idempotencyKey: 'attempt-3', maxRetries: 0 }).catch((e: unknown) => e)
    await vi.runAllTimersAsync()
    expect(await result).toMatchObject({ status: 503 })
    expect(seen).toHaveLength(1)
  })

  it('never retries more than the client allows, whatever a request asks', async () => {
    const seen = ordersEndpoint(() => HttpResponse.json({ detail: 'Down.' }, { status: 503 }))
    const result = makeCore({ retry: { maxRetries: 1 } }).api.post('/orders/', BODY, { idempotencyKey: 'attempt-4', maxRetries: 5 }).catch((e: unknown) => e)
    await vi.runAllTimersAsync()
    await result
    expect(seen).toHaveLength(2)
  })

  it('keeps the parsed error body for the service that owns the endpoint, and out of toJSON', async () => {
    const lines = [{ item_id: 3, product_id: 4, variant_id: null, requested: 2, available: 0 }]
    ordersEndpoint(() => HttpResponse.json({ detail: 'Some items are no longer available.', code: 'out_of_stock', lines }, { status: 409 }))
    const error = await makeCore().api.post('/orders/', BODY, { idempotencyKey: 'attempt-5' }).then(() => null, (e: unknown) => e as ApiError)
    if (!error) throw new Error('expected a 409')
    expect(error.status).toBe(409)
    expect(error.body).toEqual({ detail: 'Some items are no longer available.', code: 'out_of_stock', lines })
    expect(JSON.stringify(error.toJSON())).not.toContain('lines')
  })
})
