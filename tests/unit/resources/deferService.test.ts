import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '~/composables/core/api/ApiError'
import { deferService } from '~/stores/resources/deferService'
import { deferred, settle } from '../../support/promises'

/** A stand-in service whose `list` answers at once with what it was asked. */
function fakeService() {
  return {
    list: vi.fn((query: string, page: { cursor: string | null }) => Promise.resolve(`${query}@${page.cursor ?? 'start'}`)),
  }
}

describe('deferService', () => {
  it('loads the code on the first call, once for calls made meanwhile, and answers each call with its own arguments', async () => {
    const code = deferred<ReturnType<typeof fakeService>>()
    const load = vi.fn(() => code.promise)
    const { service } = deferService(load)

    const first = service.list('mugs', { cursor: null })
    const second = service.list('cups', { cursor: 'c2' })
    expect(load).toHaveBeenCalledTimes(1)

    const loaded = fakeService()
    code.resolve(loaded)
    await expect(first).resolves.toBe('mugs@start')
    await expect(second).resolves.toBe('cups@c2')
    expect(loaded.list).toHaveBeenCalledTimes(2)
  })

  it('calls a loaded service in the same turn, so a request leaves without waiting for a promise', async () => {
    const loaded = fakeService()
    const { service, warm } = deferService(() => Promise.resolve(loaded))
    await warm()

    void service.list('mugs', { cursor: null })
    expect(loaded.list).toHaveBeenCalledWith('mugs', { cursor: null })
  })

  it('fails a call as a retryable network error when the code cannot be loaded, and loads again on the next call', async () => {
    const chunkError = new TypeError('Failed to fetch dynamically imported module')
    const load = vi.fn<() => Promise<ReturnType<typeof fakeService>>>()
      .mockRejectedValueOnce(chunkError)
      .mockResolvedValueOnce(fakeService())
    const { service } = deferService(load)

    const failed = await service.list('mugs', { cursor: null }).catch((error: unknown) => error)
    expect(failed).toBeInstanceOf(ApiError)
    expect(failed).toMatchObject({ status: 0, code: 'network_error', retryable: true, cause: chunkError })

    await expect(service.list('mugs', { cursor: null })).resolves.toBe('mugs@start')
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('warms without calling anything and never rejects, even when loading fails', async () => {
    const loaded = fakeService()
    const load = vi.fn<() => Promise<ReturnType<typeof fakeService>>>()
      .mockRejectedValueOnce(new TypeError('offline'))
      .mockResolvedValueOnce(loaded)
    const { warm } = deferService(load)

    await expect(warm()).resolves.toBeUndefined()
    await expect(warm()).resolves.toBeUndefined()
    await settle()
    expect(load).toHaveBeenCalledTimes(2)
    expect(loaded.list).not.toHaveBeenCalled()
  })
})
