import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IDS_ABSENT_MEMORY_MS } from '~/stores/wishlist/idsEndpointMemory'
import { apiError } from '../../support/fakeApi'
import { freshStores } from '../../support/stores'
import { stubTabStorage } from '../../support/tabStorage'
import { page, signedIn, useWishlistStoreHarness } from './support/wishlistStoreHarness'

const { fake } = useWishlistStoreHarness()

describe('wishlist store: a backend without /wishlist/ids/, over full page loads of one tab', () => {
  /** The tab's sessionStorage: what outlives a full page load (a new app, new stores). */
  let tab: Map<string, string>
  beforeEach(() => {
    tab = stubTabStorage()
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-27T10:00:00Z') })
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  /** What the browser does on a full page load: a new app and new stores, the same tab. */
  function reload() {
    freshStores()
    return signedIn()
  }
  const paths = () => fake.current.calls.map(call => call.path)

  it('does not ask /wishlist/ids/ again on the next page load once it was refused (405): the list at once', async () => {
    fake.current.on('GET', '/wishlist/ids/', apiError(405, 'Method "GET" not allowed.')).on('GET', '/wishlist/', page([2, 1]))
    await signedIn().loadIds()
    expect(paths()).toEqual(['/wishlist/ids/', '/wishlist/'])

    const store = reload()
    await store.loadIds()
    expect(paths()).toEqual(['/wishlist/ids/', '/wishlist/', '/wishlist/'])
    expect([1, 2, 3].map(store.isSaved)).toEqual([true, true, false])
    expect(store.count).toBe(2)
    // Nothing of the shopper's is kept for it: only when the backend was found to lack the endpoint.
    expect([...tab.values()].join()).not.toMatch(/ada|\b[12]\b/)
  })

  it('asks again after a while, so a backend that gained /wishlist/ids/ since is read with it', async () => {
    fake.current.on('GET', '/wishlist/ids/', apiError(404, 'Not found.')).on('GET', '/wishlist/', page([2, 1]))
    await signedIn().loadIds()
    vi.advanceTimersByTime(IDS_ABSENT_MEMORY_MS - 1)
    await reload().loadIds()
    expect(paths()).toEqual(['/wishlist/ids/', '/wishlist/', '/wishlist/'])

    // The backend was deployed with the endpoint meanwhile.
    fake.current.on('GET', '/wishlist/ids/', { product_ids: [3, 2, 1] })
    vi.advanceTimersByTime(1)
    const store = reload()
    await store.loadIds()
    expect(paths().slice(3)).toEqual(['/wishlist/ids/'])
    expect(store.count).toBe(3)
    await reload().loadIds()
    expect(paths().slice(4)).toEqual(['/wishlist/ids/'])
  })
})

