import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { Transport } from '~/composables/core/api/createApiCore'
import { isApiError } from '~/composables/core/api/ApiError'
import * as transportModule from '~/composables/core/api/transport'
import type { ApiErrorContext, ApiResponseContext } from '~/composables/core/api/types'
import { API, deferred, makeCore, useMswServer } from './support'

const server = useMswServer()

/** A transport loader the test controls: counts loads, and fails while `failing` is set. */
function controlledLoader() {
  const gate = deferred()
  const state = { loads: 0, failing: false, gated: false }
  const load = async (): Promise<Transport> => {
    state.loads++
    if (state.gated) await gate.promise
    if (state.failing) throw new TypeError('Failed to fetch dynamically imported module')
    return transportModule
  }
  return { state, load, open: gate.resolve }
}

describe('deferred transport', () => {
  it('loads nothing until the first request, then loads once for all the requests waiting on it', async () => {
    let hits = 0
    server.use(http.get(`${API}/products/`, () => {
      hits++
      return HttpResponse.json({ ok: true })
    }))
    const loader = controlledLoader()
    loader.state.gated = true
    const { api } = makeCore({ loadTransport: loader.load })
    const responses: ApiResponseContext[] = []
    api.hooks.add({ onResponse: r => void responses.push(r) })
    expect(loader.state.loads).toBe(0)
    expect(api.breakerState).toBe('closed')

    const results = [api.get('/products/'), api.get('/products/'), api.get('/products/')]
    await Promise.resolve()
    expect(hits).toBe(0)
    loader.open()

    await expect(Promise.all(results)).resolves.toEqual([{ ok: true }, { ok: true }, { ok: true }])
    expect(loader.state.loads).toBe(1)
    expect(hits).toBe(3)
    // Hooks subscribed before the transport existed hear its requests.
    expect(responses.map(r => r.status)).toEqual([200, 200, 200])
  })

  it('fails a request as a network error when the transport cannot load, and loads again for the next one', async () => {
    server.use(http.get(`${API}/products/`, () => HttpResponse.json({ ok: true })))
    const loader = controlledLoader()
    loader.state.failing = true
    const { api } = makeCore({ loadTransport: loader.load })
    const errors: ApiErrorContext[] = []
    api.hooks.add({ onError: e => void errors.push(e) })

    const failure = await api.get('/products/').catch((error: unknown) => error)
    expect(isApiError(failure) && failure.toJSON()).toEqual({
      status: 0,
      code: 'network_error',
      message: 'Could not reach the shop. Check your connection and try again.',
      fieldErrors: {},
      retryable: true,
    })
    expect(errors.map(e => [e.method, e.path, e.error.code])).toEqual([['GET', '/products/', 'network_error']])

    loader.state.failing = false
    await expect(api.get('/products/')).resolves.toEqual({ ok: true })
    expect(loader.state.loads).toBe(2)
  })

  it('warm() loads the transport ahead of use and never rejects', async () => {
    const loader = controlledLoader()
    loader.state.failing = true
    const { api } = makeCore({ loadTransport: loader.load })
    await expect(api.warm()).resolves.toBeUndefined()
    loader.state.failing = false
    await api.warm()
    await api.warm()
    expect(loader.state.loads).toBe(2)
  })

  it('refreshes the session through the BFF before any other request loaded the transport', async () => {
    server.use(http.post(`${API}/auth/refresh`, () => HttpResponse.json({ access: 'fresh-token' })))
    const loader = controlledLoader()
    const { session } = makeCore({ loadTransport: loader.load })
    await expect(session.refresh()).resolves.toBe('fresh-token')
    expect(session.getStatus()).toBe('signed_in')
    expect(loader.state.loads).toBe(1)
  })

  it('loads the real transport module by dynamic import when no loader is given', async () => {
    server.use(http.get(`${API}/products/`, () => HttpResponse.json({ ok: true })))
    const { api } = makeCore({ loadTransport: undefined })
    await expect(api.get('/products/')).resolves.toEqual({ ok: true })
  })
})
