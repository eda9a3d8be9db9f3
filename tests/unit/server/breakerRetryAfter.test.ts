import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createBackendBreaker, throughBreaker } from '~/server/utils/backend/breakerGate'
import { backendCatalogSource, CatalogUnavailableError } from '~/server/utils/seo/sitemap/catalogSource'

// While the process's breaker is open its 503 `circuit_open` says when a call will go through again: the breaker's
// remaining cool-down, in whole seconds rounded up, at least 1. The /api proxy passes the header on as it is
// (RETURNED_RESPONSE_HEADERS); the sitemap hands it to the crawler.

const down = async () => new Response('{"detail":"down"}', { status: 503, headers: { 'content-type': 'application/json' } })
const healthy = async () => new Response('{"results":[],"next":null}', { status: 200, headers: { 'content-type': 'application/json' } })

function openBreaker(cooldownMs: number) {
  const breaker = createBackendBreaker({ failureThreshold: 1, cooldownMs }, () => {})
  return { breaker, opened: throughBreaker(breaker, '/products/', down) }
}

describe('the breaker\'s Retry-After', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('is the cool-down left, rounded up, however long the cool-down is', async () => {
    const { breaker, opened } = openBreaker(10_000)
    expect((await opened).status).toBe(503)
    expect(breaker.state).toBe('open')

    const atOnce = await throughBreaker(breaker, '/products/', healthy)
    expect(atOnce.status).toBe(503)
    expect(await atOnce.json()).toMatchObject({ code: 'circuit_open' })
    expect(atOnce.headers.get('retry-after')).toBe('10')

    await vi.advanceTimersByTimeAsync(3_200)
    expect((await throughBreaker(breaker, '/products/', healthy)).headers.get('retry-after')).toBe('7')
    await vi.advanceTimersByTimeAsync(6_700)
    // 100 ms left: still a whole second, never 0 (a client would come straight back to another 503).
    expect((await throughBreaker(breaker, '/products/', healthy)).headers.get('retry-after')).toBe('1')
    await vi.advanceTimersByTimeAsync(100)
    expect((await throughBreaker(breaker, '/products/', healthy)).status).toBe(200)

    const long = openBreaker(300_000)
    await long.opened
    expect((await throughBreaker(long.breaker, '/products/', healthy)).headers.get('retry-after')).toBe('300')
  })

  it('starts again from the whole cool-down when the probe fails', async () => {
    const { breaker, opened } = openBreaker(10_000)
    await opened
    await vi.advanceTimersByTimeAsync(10_000)
    expect((await throughBreaker(breaker, '/products/', down)).status).toBe(503)
    await vi.advanceTimersByTimeAsync(4_000)
    expect((await throughBreaker(breaker, '/products/', healthy)).headers.get('retry-after')).toBe('6')
  })

  it('is what the sitemap tells the crawler when the breaker answered for the backend', async () => {
    const { breaker, opened } = openBreaker(45_000)
    await opened
    await vi.advanceTimersByTimeAsync(15_500)
    const source = backendCatalogSource({ read: path => throughBreaker(breaker, path, healthy), retryDelayMs: 0 })
    const failure = await source.productPage(null).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(CatalogUnavailableError)
    expect(failure).toMatchObject({ sent: false, retryAfterS: 30 })
  })
})
