import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiError } from '~/composables/core/api/ApiError'
import type { BreakerState } from '~/composables/core/api/circuitBreaker'
import { createBackendBreaker, throughBreaker } from '~/server/utils/backend/breakerGate'
import { API, deferred, makeCore, useMswServer } from './support'

const server = useMswServer()

/** The backend's health is switched by the test; every request that reaches it is counted. */
function backend() {
  const state = { status: 503, hits: 0, hold: null as Promise<void> | null }
  server.use(http.get(`${API}/products/`, async () => {
    state.hits++
    if (state.hold) await state.hold
    return state.status < 400 ? HttpResponse.json({ ok: true }) : HttpResponse.json({ detail: 'x' }, { status: state.status })
  }))
  return state
}

function coreWithBreaker() {
  const transitions: BreakerState[] = []
  const core = makeCore({
    retry: { maxRetries: 0 },
    breaker: { failureThreshold: 5, cooldownMs: 10_000 },
    hooks: { onBreakerStateChange: ({ state }) => void transitions.push(state) },
  })
  const call = () => core.api.get('/products/').catch((e: ApiError) => e)
  return { ...core, transitions, call }
}

describe('circuit breaker', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('opens after 5 consecutive failures and then fails fast without reaching the backend', async () => {
    const be = backend()
    const { api, call, transitions } = coreWithBreaker()
    for (let i = 0; i < 4; i++) await call()
    expect(api.breakerState).toBe('closed')
    await call()
    expect(api.breakerState).toBe('open')
    expect(transitions).toEqual(['open'])

    const error = await call()
    expect(error).toMatchObject({ status: 0, code: 'circuit_open', retryable: true })
    expect((error as ApiError).message).toMatch(/try again/i)
    expect(be.hits).toBe(5)
  })

  it('counts network errors, never 4xx', async () => {
    const be = backend()
    be.status = 404
    const { api, call } = coreWithBreaker()
    for (let i = 0; i < 10; i++) await call()
    expect(api.breakerState).toBe('closed')
    be.status = 429
    for (let i = 0; i < 10; i++) await call()
    expect(api.breakerState).toBe('closed')

    server.use(http.get(`${API}/products/`, () => HttpResponse.error()))
    for (let i = 0; i < 5; i++) await call()
    expect(api.breakerState).toBe('open')
  })

  it('needs the failures to be consecutive: an answered 4xx in between starts the count again', async () => {
    const be = backend()
    const { api, call } = coreWithBreaker()
    for (let i = 0; i < 4; i++) await call()
    be.status = 404
    await call()
    be.status = 503
    for (let i = 0; i < 4; i++) await call()
    expect(api.breakerState).toBe('closed')
    await call()
    expect(api.breakerState).toBe('open')
  })

  it('counts timeouts as failures', async () => {
    server.use(http.get(`${API}/products/`, () => new Promise<Response>(() => {})))
    const { api } = makeCore({ timeoutMs: 100, retry: { maxRetries: 0 }, breaker: { failureThreshold: 2 } })
    for (let i = 0; i < 2; i++) {
      const pending = api.get('/products/').catch((e: ApiError) => e)
      await vi.advanceTimersByTimeAsync(100)
      expect(await pending).toMatchObject({ code: 'timeout' })
    }
    expect(api.breakerState).toBe('open')
  })

  it('after the cooldown lets exactly one probe through; its success closes the breaker', async () => {
    const be = backend()
    const { api, call, transitions } = coreWithBreaker()
    for (let i = 0; i < 5; i++) await call()
    await vi.advanceTimersByTimeAsync(9_999)
    expect(await call()).toMatchObject({ code: 'circuit_open' })

    await vi.advanceTimersByTimeAsync(1)
    be.status = 200
    const release = deferred()
    be.hold = release.promise
    const calls = [call(), call(), call()]
    await vi.advanceTimersByTimeAsync(0)
    expect(api.breakerState).toBe('half_open')
    expect(be.hits).toBe(6)

    be.hold = null
    release.resolve()
    expect(await Promise.all(calls)).toEqual([{ ok: true }, { ok: true }, { ok: true }])
    expect(api.breakerState).toBe('closed')
    expect(transitions).toEqual(['open', 'half_open', 'closed'])
  })

  it('lets a caller parked behind the half-open probe abort at once', async () => {
    const be = backend()
    const { api, call } = coreWithBreaker()
    for (let i = 0; i < 5; i++) await call()
    await vi.advanceTimersByTimeAsync(10_000)
    be.status = 200
    const release = deferred()
    be.hold = release.promise
    const probe = call()
    await vi.advanceTimersByTimeAsync(0)
    const controller = new AbortController()
    const parked = api.get('/products/', undefined, { signal: controller.signal }).catch((e: ApiError) => e)
    controller.abort()
    expect(await parked).toMatchObject({ code: 'aborted' })
    release.resolve()
    expect(await probe).toEqual({ ok: true })
    expect(be.hits).toBe(6)
  })

  it('does not close on a probe its caller cancelled (a keystroke, a navigation): the next probe decides', async () => {
    const be = backend()
    const { api, call, transitions } = coreWithBreaker()
    for (let i = 0; i < 5; i++) await call()
    await vi.advanceTimersByTimeAsync(10_000)
    // The backend is back, but the probe's caller gives up before its answer.
    be.status = 200
    const release = deferred()
    be.hold = release.promise
    const controller = new AbortController()
    const probe = api.get('/products/', undefined, { signal: controller.signal }).catch((e: ApiError) => e)
    await vi.advanceTimersByTimeAsync(0)
    expect(api.breakerState).toBe('half_open')
    controller.abort()
    expect(await probe).toMatchObject({ code: 'aborted' })
    await vi.advanceTimersByTimeAsync(0)
    expect(api.breakerState).toBe('open')
    expect(await call()).toMatchObject({ code: 'circuit_open' })
    release.resolve()

    await vi.advanceTimersByTimeAsync(10_000)
    be.hold = null
    expect(await call()).toEqual({ ok: true })
    expect(transitions).toEqual(['open', 'half_open', 'open', 'half_open', 'closed'])
  })

  it('on the server too: a probe whose browser went away does not close the process\'s breaker', async () => {
    const breaker = createBackendBreaker({ failureThreshold: 1, cooldownMs: 10_000 }, () => {})
    expect((await throughBreaker(breaker, async () => new Response('{}', { status: 503 }))).status).toBe(503)
    expect(breaker.state).toBe('open')
    await vi.advanceTimersByTimeAsync(10_000)
    const gone = throughBreaker(breaker, async () => {
      throw new DOMException('The operation was aborted.', 'AbortError')
    })
    await expect(gone).rejects.toMatchObject({ name: 'AbortError' })
    expect(breaker.state).toBe('open')
    expect((await throughBreaker(breaker, async () => new Response('{}'))).status).toBe(503)
  })

  it('re-opens when the probe fails, and fails fast again for another cooldown', async () => {
    const be = backend()
    const { api, call } = coreWithBreaker()
    for (let i = 0; i < 5; i++) await call()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(await call()).toMatchObject({ status: 503 })
    expect(api.breakerState).toBe('open')
    expect(await call()).toMatchObject({ code: 'circuit_open' })
    expect(be.hits).toBe(6)
  })

  it('stops retrying as soon as the breaker opens', async () => {
    const be = backend()
    const { api } = makeCore({ retry: { maxRetries: 10 }, breaker: { failureThreshold: 3 } })
    const result = api.get('/products/').catch((e: ApiError) => e)
    await vi.runAllTimersAsync()
    expect(await result).toMatchObject({ code: 'circuit_open' })
    expect(be.hits).toBe(3)
  })
})
