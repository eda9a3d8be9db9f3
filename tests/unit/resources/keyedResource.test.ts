import { createPinia, defineStore, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createKeyedResource } from '~/stores/resources/keyedResource'
import { apiError } from '../../support/fakeApi'
import { deferred, settle } from '../../support/promises'

/** A fetcher whose answers the test gives, call by call. */
function controlledFetcher<T>() {
  const calls: Array<{ signal: AbortSignal, answer: ReturnType<typeof deferred<T>> }> = []
  const fetcher = vi.fn((signal: AbortSignal) => {
    const answer = deferred<T>()
    calls.push({ signal, answer })
    return answer.promise
  })
  return { fetcher, calls }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-01-01T00:00:00Z'))
})
afterEach(() => { vi.useRealTimers() })

describe('createKeyedResource', () => {
  it('goes idle -> loading -> success, and shares one request between concurrent loads of a key', async () => {
    const resource = createKeyedResource<string>({ ttlMs: 60_000 })
    const { fetcher, calls } = controlledFetcher<string>()
    const a = resource.load('k', fetcher)
    const b = resource.load('k', fetcher)
    expect(resource.get('k')?.status).toBe('loading')
    expect(fetcher).toHaveBeenCalledTimes(1)
    calls[0]!.answer.resolve('data')
    expect((await a).data).toBe('data')
    expect((await b).status).toBe('success')
  })

  it('reuses data within the TTL, loads again after it, and force loads at once', async () => {
    const resource = createKeyedResource<string>({ ttlMs: 60_000 })
    const { fetcher, calls } = controlledFetcher<string>()
    const first = resource.load('k', fetcher)
    calls[0]!.answer.resolve('v1')
    await first
    vi.setSystemTime(Date.now() + 59_000)
    expect((await resource.load('k', fetcher)).data).toBe('v1')
    expect(fetcher).toHaveBeenCalledTimes(1)
    vi.setSystemTime(Date.now() + 2_000)
    const refresh = resource.load('k', fetcher)
    // The old data stays on screen while the refresh loads.
    expect(resource.get('k')).toMatchObject({ data: 'v1', status: 'loading' })
    calls[1]!.answer.resolve('v2')
    expect((await refresh).data).toBe('v2')
    const forced = resource.load('k', fetcher, { force: true })
    expect(fetcher).toHaveBeenCalledTimes(3)
    calls[2]!.answer.resolve('v3')
    expect((await forced).data).toBe('v3')
  })

  it('keeps a failure as plain error data, never as cached data, and asks again on the next load', async () => {
    const resource = createKeyedResource<string>({ ttlMs: 60_000 })
    const { fetcher, calls } = controlledFetcher<string>()
    const failed = resource.load('k', fetcher)
    calls[0]!.answer.reject(apiError(503, 'Busy.'))
    const state = await failed
    expect(state).toMatchObject({ status: 'error', data: null, error: { status: 503, message: 'Busy.' } })
    expect(JSON.parse(JSON.stringify(state.error))).toEqual(state.error)
    void resource.load('k', fetcher)
    expect(fetcher).toHaveBeenCalledTimes(2)
    expect(resource.get('k')?.error).toBeNull()
  })

  it('turns a failure that is not an ApiError into the generic message', async () => {
    const resource = createKeyedResource<string>({ ttlMs: 60_000 })
    const state = await resource.load('k', async () => {
      throw new TypeError('bug')
    })
    expect(state.error).toEqual({ status: 0, code: 'unknown', message: 'Something went wrong. Please try again.', fieldErrors: {}, retryable: true })
  })

  it('drops an answer made stale by force, cancel, set or forget, and aborts its request', async () => {
    const resource = createKeyedResource<string>({ ttlMs: 60_000 })
    const { fetcher, calls } = controlledFetcher<string>()

    void resource.load('k', fetcher)
    const newer = resource.load('k', fetcher, { force: true })
    expect(calls[0]!.signal.aborted).toBe(true)
    calls[1]!.answer.resolve('new')
    await newer
    calls[0]!.answer.resolve('old')
    await settle()
    expect(resource.get('k')?.data).toBe('new')

    void resource.load('c', fetcher, { force: true })
    resource.cancel('c')
    expect(calls[2]!.signal.aborted).toBe(true)
    expect(resource.get('c')?.status).toBe('idle')
    calls[2]!.answer.resolve('late')
    await settle()
    expect(resource.get('c')?.data).toBeNull()

    void resource.load('s', fetcher)
    resource.set('s', 'from a mutation')
    calls[3]!.answer.resolve('late')
    await settle()
    expect(resource.get('s')).toMatchObject({ data: 'from a mutation', status: 'success' })

    void resource.load('f', fetcher)
    resource.forget('f')
    calls[4]!.answer.resolve('late')
    await settle()
    expect(resource.get('f')).toBeUndefined()
  })

  it('travels in the SSR payload: the browser reuses what the server loaded without asking again', async () => {
    const useThings = defineStore('things', () => {
      const resource = createKeyedResource<{ name: string }>({ ttlMs: 60_000 })
      return { entries: resource.entries, load: (key: string, fetch: () => Promise<{ name: string }>) => resource.load(key, fetch) }
    })
    const server = createPinia()
    setActivePinia(server)
    await useThings().load('a', async () => ({ name: 'Mug' }))
    const payload = JSON.stringify(server.state.value)

    const browser = createPinia()
    browser.state.value = JSON.parse(payload) as typeof browser.state.value
    setActivePinia(browser)
    const fetch = vi.fn(async () => ({ name: 'again' }))
    const state = await useThings().load('a', fetch)
    expect(state.data).toEqual({ name: 'Mug' })
    expect(fetch).not.toHaveBeenCalled()
  })
})
