import { describe, expect, it, vi } from 'vitest'
import type { $Fetch } from 'ofetch'
import { createLazyFetch } from '~/composables/core/api/lazyFetch'

/** A $fetch whose every call answers what it was asked, with its defaults (nothing goes to the network). */
function recordingFetch(defaults?: unknown): $Fetch {
  const answer = (request: unknown, options: unknown) => Promise.resolve(defaults ? { request, defaults } : { request, options })
  return Object.assign(answer, {
    raw: (request: unknown) => Promise.resolve({ status: 200, _data: request }),
    native: fetch,
    create: (next: unknown) => recordingFetch(next),
  }) as unknown as $Fetch
}

describe('createLazyFetch', () => {
  it('loads nothing until the first call, then loads once for every call', async () => {
    const load = vi.fn(() => Promise.resolve(recordingFetch()))
    const lazy = createLazyFetch(load)
    expect(load).not.toHaveBeenCalled()

    const [first, second, raw] = await Promise.all([
      lazy('/a', { method: 'POST' }),
      lazy('/b'),
      lazy.raw('/c'),
    ])
    expect(first).toEqual({ request: '/a', options: { method: 'POST' } })
    expect(second).toEqual({ request: '/b', options: undefined })
    expect(raw).toMatchObject({ status: 200, _data: '/c' })
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('passes the loaded fetch\'s failure through, and tries loading again after a failed load', async () => {
    const load = vi.fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue(recordingFetch())
    const lazy = createLazyFetch(load)

    await expect(lazy('/a')).rejects.toThrow('Failed to fetch dynamically imported module')
    await expect(lazy('/a')).resolves.toEqual({ request: '/a', options: undefined })
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('creates lazy instances with their defaults from the loaded fetch', async () => {
    const lazy = createLazyFetch(() => Promise.resolve(recordingFetch()))
    const withBase = lazy.create({ baseURL: '/api' })
    await expect(withBase('/products')).resolves.toEqual({ request: '/products', defaults: { baseURL: '/api' } })
  })
})
