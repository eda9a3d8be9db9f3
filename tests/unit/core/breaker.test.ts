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

  it('never counts a 4xx, nor the browser getting no answer at all: the shopper is told to check their connection', async () => {
    const be = backend()
    be.status = 404
    const { api, call } = coreWithBreaker()
    for (let i = 0; i < 10; i++) await call()
    expect(api.breakerState).toBe('closed')
    be.status = 429
    for (let i = 0; i < 10; i++) await call()
    expect(api.breakerState).toBe('closed')

    // Offline: a network error says nothing about the shop, so the message stays about the connection.
    server.use(http.get(`${API}/*`, () => HttpResponse.error()))
    for (let i = 0; i < 10; i++) await call()
    for (let i = 0; i < 10; i++) await api.get('/categories/').catch(() => {})
    expect(api.breakerState).toBe('closed')
    expect(await call()).toMatchObject({ code: 'network_error', message: expect.stringMatching(/check your connection/i) })
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

  it('counts timeouts when they are not all from one area, and none while the browser is offline', async () => {
    server.use(http.get(`${API}/*`, () => new Promise<Response>(() => {})))
    const { api } = makeCore({ timeoutMs: 100, retry: { maxRetries: 0 }, breaker: { failureThreshold: 2 } })
    const timeOut = async (path: string) => {
      const pending = api.get(path).catch((e: ApiError) => e)
      await vi.advanceTimersByTimeAsync(100)
      expect(await pending).toMatchObject({ code: 'timeout' })
    }
    // One slow product: slow alone, the rest of the shop stays reachable.
    for (let i = 0; i < 4; i++) await timeOut('/products/10000/')
    expect(api.breakerState).toBe('closed')

    vi.stubGlobal('navigator', { onLine: false })
    try {
      await timeOut('/categories/')
      expect(api.breakerState).toBe('closed')
    }
    finally {
      vi.unstubAllGlobals()
    }
    await timeOut('/categories/')
    expect(api.breakerState).toBe('open')
  })

  it('does not open on one resource failing again and again; opens once a second area fails too', async () => {
    const hits: string[] = []
    server.use(
      http.get(`${API}/products/10000/`, () => {
        hits.push('broken')
        return HttpResponse.json({ detail: 'x' }, { status: 500 })
      }),
      http.get(`${API}/products/:id/related/`, () => HttpResponse.json({ detail: 'x' }, { status: 500 })),
      http.get(`${API}/categories/`, () => HttpResponse.json({ detail: 'x' }, { status: 500 })),
    )
    const { api, transitions } = coreWithBreaker()
    // The reviewer's case: one product answering 500, asked far more often than the threshold.
    for (let i = 0; i < 12; i++) expect(await api.get('/products/10000/').catch((e: ApiError) => e)).toMatchObject({ status: 500 })
    // Its other endpoints fail too: still one area.
    for (let i = 0; i < 3; i++) await api.get('/products/10000/related/').catch(() => {})
    expect(api.breakerState).toBe('closed')
    expect(hits).toHaveLength(12)
    // Another area failing in the same run: the backend itself is unwell (Django without its database).
    await api.get('/categories/').catch(() => {})
    expect(api.breakerState).toBe('open')
    expect(transitions).toEqual(['open'])
  })

  it('a probe that fails in one area does not keep the shop shut, but leaves the breaker one failure from opening', async () => {
    const be = backend()
    let categories = 200
    server.use(
      http.get(`${API}/products/10000/`, () => HttpResponse.json({ detail: 'x' }, { status: 500 })),
      http.get(`${API}/categories/`, () => categories < 400 ? HttpResponse.json([]) : HttpResponse.json({ detail: 'x' }, { status: categories })),
    )
    const { api, call, transitions } = coreWithBreaker()
    for (let i = 0; i < 5; i++) await call()
    expect(api.breakerState).toBe('open')
    await vi.advanceTimersByTimeAsync(10_000)
    be.status = 200
    // The first call after the cooldown is the broken product's: it fails alone, and says nothing about the rest.
    expect(await api.get('/products/10000/').catch((e: ApiError) => e)).toMatchObject({ status: 500 })
    expect(api.breakerState).toBe('closed')
    expect(await call()).toEqual({ ok: true })
    expect(await api.get('/categories/')).toEqual([])

    // Primed again by another inconclusive probe: the same product failing keeps it closed, another area opens it.
    be.status = 503
    for (let i = 0; i < 5; i++) await call()
    await vi.advanceTimersByTimeAsync(10_000)
    await api.get('/products/10000/').catch(() => {})
    await api.get('/products/10000/').catch(() => {})
    expect(api.breakerState).toBe('closed')
    categories = 500
    await api.get('/categories/').catch(() => {})
    expect(api.breakerState).toBe('open')
    expect(transitions).toEqual(['open', 'half_open', 'closed', 'open', 'half_open', 'closed', 'open'])
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
    expect((await throughBreaker(breaker, '/products/', async () => new Response('{}', { status: 503 }))).status).toBe(503)
    expect(breaker.state).toBe('open')
    await vi.advanceTimersByTimeAsync(10_000)
    const gone = throughBreaker(breaker, '/products/', async () => {
      throw new DOMException('The operation was aborted.', 'AbortError')
    })
    await expect(gone).rejects.toMatchObject({ name: 'AbortError' })
    expect(breaker.state).toBe('open')
    expect((await throughBreaker(breaker, '/products/', async () => new Response('{}'))).status).toBe(503)
  })

  it('on the server: one product answering 500 never opens the process\'s breaker; 502/503 or two areas do', async () => {
    const answer = (status: number) => async () => new Response('{}', { status })
    const breaker = createBackendBreaker({ failureThreshold: 5, cooldownMs: 10_000 }, () => {})
    for (let i = 0; i < 20; i++) expect((await throughBreaker(breaker, '/products/10000/?expand=1', answer(500))).status).toBe(500)
    for (let i = 0; i < 20; i++) expect((await throughBreaker(breaker, '/products/10001/', answer(504))).status).toBe(504)
    expect(breaker.state).toBe('closed')
    expect((await throughBreaker(breaker, '/categories/', answer(500))).status).toBe(500)
    expect(breaker.state).toBe('open')
    expect(await (await throughBreaker(breaker, '/', answer(200))).json()).toMatchObject({ code: 'circuit_open' })

    const unreachable = createBackendBreaker({ failureThreshold: 5, cooldownMs: 10_000 }, () => {})
    for (let i = 0; i < 5; i++) await throughBreaker(unreachable, '/products/10000/', answer(502))
    expect(unreachable.state).toBe('open')
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
