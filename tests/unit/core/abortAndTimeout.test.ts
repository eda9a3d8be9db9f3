import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiError } from '~/composables/core/api/ApiError'
import { API, makeCore, recordRetries, useMswServer } from './support'

const server = useMswServer()

/** A backend that never answers; the test sees each request's signal. */
function hanging(path: string) {
  const hits: AbortSignal[] = []
  server.use(http.get(`${API}${path}`, ({ request }) => {
    hits.push(request.signal)
    return new Promise<Response>(() => {})
  }))
  return hits
}

describe('abort and timeout', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('stops an in-flight request at once when the caller aborts, without retrying', async () => {
    const hits = hanging('/products/')
    const controller = new AbortController()
    const { retries, onRetry } = recordRetries()
    const result = makeCore({ hooks: { onRetry } }).api.get('/products/', undefined, { signal: controller.signal }).catch((e: ApiError) => e)
    await vi.advanceTimersByTimeAsync(0)
    expect(hits).toHaveLength(1)

    controller.abort()
    const error = await result
    expect(error).toMatchObject({ status: 0, code: 'aborted', retryable: false })
    expect(hits[0]!.aborted).toBe(true)
    await vi.runAllTimersAsync()
    expect(hits).toHaveLength(1)
    expect(retries).toHaveLength(0)
  })

  it('ends a backoff wait at once when the caller aborts during it', async () => {
    let hits = 0
    server.use(http.get(`${API}/products/`, () => {
      hits++
      return HttpResponse.json({}, { status: 503 })
    }))
    const controller = new AbortController()
    const { retries, onRetry } = recordRetries()
    const result = makeCore({ retry: { baseDelayMs: 4_000 }, hooks: { onRetry } })
      .api.get('/products/', undefined, { signal: controller.signal }).catch((e: ApiError) => e)
    await vi.advanceTimersByTimeAsync(0)
    expect(retries).toHaveLength(1)
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(2_000)

    controller.abort()
    // Resolves without any timer moving: the wait was cut short, not run out.
    expect(await result).toMatchObject({ code: 'aborted' })
    expect(vi.getTimerCount()).toBe(0)
    expect(hits).toBe(1)
  })

  it('never sends a request whose signal is already aborted', async () => {
    const hits = hanging('/products/')
    const controller = new AbortController()
    controller.abort()
    await expect(makeCore().api.get('/products/', undefined, { signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' })
    expect(hits).toHaveLength(0)
  })

  it('times out an attempt, retries it, and reports `timeout` when every attempt is too slow', async () => {
    const hits = hanging('/products/')
    const { retries, onRetry } = recordRetries()
    const result = makeCore({ timeoutMs: 1_000, retry: { maxRetries: 1 }, hooks: { onRetry } }).api.get('/products/').catch((e: ApiError) => e)
    await vi.advanceTimersByTimeAsync(999)
    expect(hits[0]!.aborted).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(hits[0]!.aborted).toBe(true)
    expect(retries.map(r => r.error.code)).toEqual(['timeout'])
    await vi.runAllTimersAsync()
    expect(await result).toMatchObject({ status: 0, code: 'timeout', retryable: true })
    expect(hits).toHaveLength(2)
  })

  it('keeps the timeout when the caller also passes a signal (ofetch alone would drop it)', async () => {
    hanging('/products/')
    const controller = new AbortController()
    const result = makeCore({ timeoutMs: 500, retry: { maxRetries: 0 } })
      .api.get('/products/', undefined, { signal: controller.signal }).catch((e: ApiError) => e)
    await vi.advanceTimersByTimeAsync(500)
    expect(await result).toMatchObject({ code: 'timeout' })
    expect(controller.signal.aborted).toBe(false)
  })

  it('reports a connection failure as a retryable network_error', async () => {
    server.use(http.get(`${API}/products/`, () => HttpResponse.error()))
    const result = makeCore({ retry: { maxRetries: 0 } }).api.get('/products/').catch((e: ApiError) => e)
    expect(await result).toMatchObject({ status: 0, code: 'network_error', retryable: true })
  })
})
