import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '~/composables/core/api/ApiError'
import { API, makeCore, recordRetries, useMswServer } from './support'

const server = useMswServer()

/** A handler answering with the scripted responses in order, then 200 {ok: true}; counts hits. */
function scripted(method: 'get' | 'post', path: string, responses: Array<() => Response>) {
  const hits: number[] = []
  server.use(http[method](`${API}${path}`, () => {
    hits.push(Date.now())
    const next = responses[hits.length - 1]
    return next ? next() : HttpResponse.json({ ok: true })
  }))
  return hits
}

const unavailable = () => HttpResponse.json({ detail: 'Down for maintenance.' }, { status: 503 })

describe('retries', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  it('resolves a GET that fails twice with 503, waiting longer each time with jitter', async () => {
    const hits = scripted('get', '/products/', [unavailable, unavailable])
    const { retries, onRetry } = recordRetries()
    const { api } = makeCore({ retry: { baseDelayMs: 300 }, hooks: { onRetry } })

    const result = api.get<{ ok: boolean }>('/products/')
    await vi.advanceTimersByTimeAsync(0)
    expect(hits).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(retries[0]!.delayMs - 1)
    expect(hits).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(hits).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(retries[1]!.delayMs)

    await expect(result).resolves.toEqual({ ok: true })
    expect(hits).toHaveLength(3)
    const [first, second] = retries.map(r => r.delayMs)
    // Half jitter: retry n waits in [base*2^n/2, base*2^n), so the second wait is always the longer one.
    expect(first).toBeGreaterThanOrEqual(150)
    expect(first).toBeLessThan(300)
    expect(second).toBeGreaterThanOrEqual(300)
    expect(second).toBeLessThan(600)
    expect(hits[2]! - hits[1]!).toBe(second)
  })

  it('draws the waits at random (jitter), so two clients do not retry in lockstep', async () => {
    const random = vi.spyOn(Math, 'random')
    const delays: number[] = []
    for (const draw of [0, 0.99]) {
      random.mockReturnValue(draw)
      scripted('get', '/products/', [unavailable])
      const { retries, onRetry } = recordRetries()
      const result = makeCore({ retry: { baseDelayMs: 300 }, hooks: { onRetry } }).api.get('/products/')
      await vi.runAllTimersAsync()
      await result
      delays.push(retries[0]!.delayMs)
    }
    expect(delays[0]).toBe(150)
    expect(delays[1]).toBe(298)
  })

  it('waits at least Retry-After (2 s) on a 429 even when the backoff is shorter', async () => {
    const hits = scripted('get', '/products/', [() => HttpResponse.json({ detail: 'Slow down.' }, { status: 429, headers: { 'retry-after': '2' } })])
    const result = makeCore({ retry: { baseDelayMs: 10 } }).api.get('/products/')
    await vi.advanceTimersByTimeAsync(1_999)
    expect(hits).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await expect(result).resolves.toEqual({ ok: true })
    expect(hits[1]! - hits[0]!).toBe(2_000)
  })

  it('honours Retry-After given as an HTTP date', async () => {
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'))
    const hits = scripted('get', '/products/', [() => new HttpResponse(null, { status: 503, headers: { 'retry-after': 'Tue, 01 Jan 2030 00:00:03 GMT' } })])
    const result = makeCore({ retry: { baseDelayMs: 10 } }).api.get('/products/')
    await vi.advanceTimersByTimeAsync(2_999)
    expect(hits).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await expect(result).resolves.toEqual({ ok: true })
  })

  it('gives up at once when Retry-After is beyond the maximum, and tells the caller how long', async () => {
    const hits = scripted('get', '/products/', [() => HttpResponse.json({ detail: 'Slow down.' }, { status: 429, headers: { 'retry-after': '60' } })])
    const error = await makeCore({ retry: { maxRetryAfterMs: 10_000 } }).api.get('/products/').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 60_000 })
    expect(hits).toHaveLength(1)
  })

  it('starts no retry past its time budget: a server render gets the failure instead of waiting on', async () => {
    const throttled = () => HttpResponse.json({ detail: 'Slow down.' }, { status: 429, headers: { 'retry-after': '3' } })
    const hits = scripted('get', '/products/', [unavailable, throttled, unavailable])
    const result = makeCore({ retry: { maxRetries: 5, baseDelayMs: 300, budgetMs: 2_500 } }).api.get('/products/').catch((e: unknown) => e)
    await vi.runAllTimersAsync()
    // 503, a short backoff, then a 429 asking for 3 s more: that wait would end past 2.5 s, so it is not taken.
    expect(await result).toMatchObject({ status: 429, retryAfterMs: 3_000 })
    expect(hits).toHaveLength(2)
    expect(hits[1]! - hits[0]!).toBeLessThan(300)
  })

  it('stops after maxRetries and returns the last error', async () => {
    const hits = scripted('get', '/products/', [unavailable, unavailable, unavailable, unavailable])
    const result = makeCore({ retry: { maxRetries: 2 } }).api.get('/products/').catch((e: unknown) => e)
    await vi.runAllTimersAsync()
    expect(await result).toMatchObject({ status: 503, message: 'Down for maintenance.', retryable: true })
    expect(hits).toHaveLength(3)
  })

  it('does not retry a 500 or a 4xx', async () => {
    const hits500 = scripted('get', '/products/', [() => HttpResponse.json({ detail: 'Boom' }, { status: 500 })])
    await expect(makeCore().api.get('/products/')).rejects.toMatchObject({ status: 500 })
    expect(hits500).toHaveLength(1)
    const hits404 = scripted('get', '/products/404/', [() => HttpResponse.json({ detail: 'Not found.' }, { status: 404 })])
    await expect(makeCore().api.get('/products/404/')).rejects.toMatchObject({ status: 404, message: 'We could not find that.' })
    expect(hits404).toHaveLength(1)
  })

  it('sends a POST without Idempotency-Key exactly once, even on 503', async () => {
    const hits = scripted('post', '/orders/', [unavailable])
    const result = makeCore().api.post('/orders/', { shipping_method_id: 1 }).catch((e: unknown) => e)
    await vi.runAllTimersAsync()
    expect(await result).toMatchObject({ status: 503 })
    expect(hits).toHaveLength(1)
  })

  it('retries a POST that carries an Idempotency-Key, with the same key every time', async () => {
    const keys: Array<string | null> = []
    let calls = 0
    server.use(http.post(`${API}/orders/`, ({ request }) => {
      keys.push(request.headers.get('idempotency-key'))
      return ++calls < 3 ? unavailable() : HttpResponse.json({ id: 7 }, { status: 201 })
    }))
    const result = makeCore().api.post('/orders/', { shipping_method_id: 1 }, { idempotencyKey: 'order-abc' })
    await vi.runAllTimersAsync()
    await expect(result).resolves.toEqual({ id: 7 })
    expect(keys).toEqual(['order-abc', 'order-abc', 'order-abc'])
  })
})
