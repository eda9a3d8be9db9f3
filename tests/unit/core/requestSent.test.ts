import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { ApiError } from '~/composables/core/api/ApiError'
import type { Transport } from '~/composables/core/api/createApiCore'
import * as transportModule from '~/composables/core/api/transport'
import { API, deferred, makeCore, useMswServer } from './support'

// `onSent` tells a caller when its request has left the page: handed to the browser's fetch, where a `keepalive`
// request outlives the page. Until then (the transport's code, a token refresh, a retry's wait, the breaker) leaving
// the page means it is never sent, and a caller that told other pages "on its way" (the cart's creation claim) takes
// that back. So it must be called exactly when an attempt goes out, and never for one that did not.

const server = useMswServer()

/** POST /things/ answers `statuses` in turn (the last repeats); each hit records how many times onSent was called by then. */
function things(sent: () => number, ...statuses: number[]) {
  const seenAtHit: number[] = []
  server.use(http.post(`${API}/things/`, () => {
    seenAtHit.push(sent())
    const status = statuses.length > 1 ? statuses.shift()! : statuses[0]!
    return status < 400 ? HttpResponse.json({ ok: true }, { status }) : HttpResponse.json({ detail: 'x' }, { status })
  }))
  return seenAtHit
}

function counter() {
  const state = { count: 0 }
  return { state, onSent: () => void state.count++ }
}

describe('api core: onSent', () => {
  it('is called once, as the request leaves: before the backend has it', async () => {
    const { state, onSent } = counter()
    const seenAtHit = things(() => state.count, 201)
    await expect(makeCore().api.post('/things/', { a: 1 }, { onSent, keepalive: true })).resolves.toEqual({ ok: true })
    expect(seenAtHit).toEqual([1])
    expect(state.count).toBe(1)
  })

  it('is not called while the request waits for the transport\'s code, and is once it has gone', async () => {
    const { state, onSent } = counter()
    things(() => state.count, 201)
    const gate = deferred()
    const load = async (): Promise<Transport> => {
      await gate.promise
      return transportModule
    }
    const pending = makeCore({ loadTransport: load }).api.post('/things/', {}, { onSent })
    await new Promise(resolve => setTimeout(resolve))
    expect(state.count, 'a page left now never sends it').toBe(0)
    gate.resolve()
    await pending
    expect(state.count).toBe(1)
  })

  it('is called for each attempt, and not while a retry waits', async () => {
    const { state, onSent } = counter()
    const seenAtHit = things(() => state.count, 503, 200)
    const { api } = makeCore({ retry: { baseDelayMs: 1, maxDelayMs: 1 } })
    await expect(api.request('/things/', { method: 'POST', body: {}, idempotencyKey: 'k-1', onSent })).resolves.toEqual({ ok: true })
    expect(seenAtHit, 'each attempt counted before it reached the backend').toEqual([1, 2])
  })

  it('is not called while the request waits for a token refresh; the replay is an attempt of its own', async () => {
    const { state, onSent } = counter()
    const seenAtHit: Array<string | null> = []
    server.use(http.post(`${API}/things/`, ({ request }) => {
      seenAtHit.push(request.headers.get('authorization'))
      return request.headers.get('authorization') === 'Bearer fresh' ? HttpResponse.json({ ok: true }) : HttpResponse.json({ detail: 'x' }, { status: 401 })
    }))
    const refreshing = deferred()
    const answer = deferred()
    server.use(http.post(`${API}/auth/refresh`, async () => {
      refreshing.resolve()
      await answer.promise
      return HttpResponse.json({ access: 'fresh' })
    }))
    const pending = makeCore().api.post('/things/', {}, { onSent })
    await refreshing.promise
    expect(state.count, 'the first attempt went; the replay waits for the token').toBe(1)
    answer.resolve()
    await expect(pending).resolves.toEqual({ ok: true })
    expect(seenAtHit).toEqual([null, 'Bearer fresh'])
    expect(state.count).toBe(2)
  })

  it('is not called for a request that never leaves: aborted before, or refused by the open breaker', async () => {
    const { state, onSent } = counter()
    const seenAtHit = things(() => state.count, 503)
    const controller = new AbortController()
    controller.abort()
    const { api } = makeCore({ retry: { maxRetries: 0 }, breaker: { failureThreshold: 1, cooldownMs: 60_000 } })
    await expect(api.post('/things/', {}, { onSent, signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' })
    expect(state.count).toBe(0)

    await api.post('/things/', {}).catch((e: ApiError) => e)
    expect(api.breakerState).toBe('open')
    await expect(api.post('/things/', {}, { onSent })).rejects.toMatchObject({ code: 'circuit_open' })
    expect(state.count).toBe(0)
    expect(seenAtHit).toHaveLength(1)
  })
})
