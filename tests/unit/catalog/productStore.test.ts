import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LIST_TTL_MS, useProductStore } from '~/stores/catalog/products'
import { apiError } from '../../support/fakeApi'
import { productPage as page, seed } from '../../support/fixtures'
import { settle } from '../../support/promises'
import { useFakeApi } from '../../support/useFakeApi'

// Every call waits until the test answers it, so ordering, overlap and late answers are under test control.
const fake = useFakeApi()
const calls = () => fake.current.calls

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-01-01T00:00:00Z'))
})
afterEach(() => { vi.useRealTimers() })

describe('product store', () => {
  it('loads a first page and appends the next, each id once, in order', async () => {
    const store = useProductStore()
    const first = store.fetchFirst({})
    calls()[0]!.resolve(page([1, 2, 3], 'c2'))
    const list = await first
    expect(list.ids).toEqual([1, 2, 3])
    expect(list.status).toBe('idle')

    const more = store.loadMore({})
    expect(calls()[1]!.query.cursor).toBe('c2')
    calls()[1]!.resolve(page([3, 4, 5], null))
    await more
    expect(store.listFor({})!.ids).toEqual([1, 2, 3, 4, 5])
    expect(store.listFor({})!.status).toBe('done')
    expect(store.listFor({})!.pages).toEqual([{ cursor: null, offset: 0 }, { cursor: 'c2', offset: 3 }])
    expect(store.byId[4]!.title).toBe(seed.product(4).title)
  })

  it('shares one list between equal queries written differently', async () => {
    const store = useProductStore()
    const first = store.fetchFirst({ brands: ['b', 'a', 'a'], sort: 'newest', search: '  red   mug ' })
    calls()[0]!.resolve(page([1], null))
    await first
    await store.fetchFirst({ search: 'red mug', brands: ['a', 'b'] })
    expect(calls()).toHaveLength(1)
  })

  it('coalesces concurrent loadMore calls into one request', async () => {
    const store = useProductStore()
    const first = store.fetchFirst({})
    calls()[0]!.resolve(page([1, 2], 'c2'))
    await first
    const a = store.loadMore({})
    const b = store.loadMore({})
    const c = store.loadMore({})
    expect(calls()).toHaveLength(2)
    calls()[1]!.resolve(page([3], null))
    await Promise.all([a, b, c])
    expect(store.listFor({})!.ids).toEqual([1, 2, 3])
  })

  it('reuses a list within the TTL, refreshes after it, and force bypasses it', async () => {
    const store = useProductStore()
    const first = store.fetchFirst({})
    calls()[0]!.resolve(page([1], 'c2'))
    await first

    vi.setSystemTime(Date.now() + LIST_TTL_MS - 1_000)
    await store.fetchFirst({})
    expect(calls()).toHaveLength(1)

    const forced = store.fetchFirst({}, { force: true })
    expect(calls()).toHaveLength(2)
    calls()[1]!.resolve(page([9], null))
    await forced
    expect(store.listFor({})!.ids).toEqual([9])

    vi.setSystemTime(Date.now() + LIST_TTL_MS + 1_000)
    const refreshed = store.fetchFirst({})
    expect(calls()).toHaveLength(3)
    calls()[2]!.resolve(page([7], null))
    await refreshed
    expect(store.listFor({})!.ids).toEqual([7])
  })

  it('per-call ttl overrides the store\'s one', async () => {
    const store = useProductStore()
    const first = store.fetchFirst({})
    calls()[0]!.resolve(page([1], null))
    await first
    vi.setSystemTime(Date.now() + 1_000)
    void store.fetchFirst({}, { ttlMs: 500 })
    expect(calls()).toHaveLength(2)
  })

  it('drops the answer of a query the shopper already left', async () => {
    const store = useProductStore()
    const red = store.applyFilters({ search: 'red' })
    const blue = store.applyFilters({ search: 'blue' })
    expect(calls()[0]!.signal!.aborted).toBe(true)
    calls()[1]!.resolve(page([20, 21], null))
    await blue
    calls()[0]!.resolve(page([10, 11], null))
    await red
    await settle()
    expect(store.listFor({ search: 'red' })!.ids).toEqual([])
    expect(store.listFor({ search: 'red' })!.status).toBe('idle')
    expect(store.listFor({ search: 'blue' })!.ids).toEqual([20, 21])
  })

  it('drops a late page after the list was reset', async () => {
    const store = useProductStore()
    const first = store.fetchFirst({})
    calls()[0]!.resolve(page([1], 'c2'))
    await first
    const more = store.loadMore({})
    store.reset()
    calls()[1]!.resolve(page([2], null))
    await more
    expect(store.listFor({})).toBeUndefined()
  })

  it('keeps errors as plain ApiErrorData and retries the failed page', async () => {
    const store = useProductStore()
    const first = store.fetchFirst({})
    calls()[0]!.resolve(page([1], 'c2'))
    await first
    const more = store.loadMore({})
    calls()[1]!.reject(apiError(503, 'Unavailable'))
    await more
    const list = store.listFor({})!
    expect(list.status).toBe('error')
    expect(list.error).toEqual({ status: 503, code: 'http_503', message: 'Unavailable', fieldErrors: {}, retryable: true })
    expect(JSON.parse(JSON.stringify(list.error))).toEqual(list.error)

    const retry = store.loadMore({})
    expect(calls()[2]!.query.cursor).toBe('c2')
    calls()[2]!.resolve(page([2], null))
    await retry
    expect(store.listFor({})!.ids).toEqual([1, 2])
    expect(store.listFor({})!.error).toBeNull()
  })

  it('starts a list at a cursor without touching the list from the start, and keeps no backend `previous`', async () => {
    const store = useProductStore()
    const mid = store.fetchFirst({}, { startCursor: 'c5' })
    expect(calls()[0]!.query.cursor).toBe('c5')
    calls()[0]!.resolve({ ...page([50, 51], 'c6'), previous: 'http://api.test/api/products/?cursor=c4' })
    const list = await mid
    expect(list.startCursor).toBe('c5')
    // DRF's reverse cursor does not give back the same page when ordering values tie: previous links come from
    // the pages the storefront walked (list.pages) and the links it made, never from the backend's `previous`.
    expect(list.pages).toEqual([{ cursor: 'c5', offset: 0 }])
    expect(JSON.stringify(list)).not.toContain('c4')
    expect(store.listFor({})).toBeUndefined()
  })

  it('coming back to ?cursor=X reuses the list that already holds that page instead of starting a new one', async () => {
    const store = useProductStore()
    const first = store.fetchFirst({ inStock: true })
    calls()[0]!.resolve(page([1, 2], 'c2'))
    await first
    const more = store.loadMore({ inStock: true })
    calls()[1]!.resolve(page([3, 4], 'c3'))
    await more

    expect(store.resolveKey({ inStock: true }, { startCursor: 'c2' })).toBe(store.listFor({ inStock: true })!.key)
    const back = await store.fetchFirst({ inStock: true }, { startCursor: 'c2' })
    expect(back.ids).toEqual([1, 2, 3, 4])
    expect(calls()).toHaveLength(2)
    // A cursor no list has loaded (a shared link) starts its own list there.
    void store.fetchFirst({ inStock: true }, { startCursor: 'c9' })
    expect(calls()[2]!.query.cursor).toBe('c9')
  })

  it('asks for the page size the list was created with, clamped to the backend range', async () => {
    const store = useProductStore()
    void store.fetchFirst({}, { pageSize: 500 })
    expect(calls()[0]!.query.page_size).toBe(100)
  })

  it('does not loop when a backend hands back the cursor it was given', async () => {
    const store = useProductStore()
    const first = store.fetchFirst({})
    calls()[0]!.resolve(page([1], 'c2'))
    await first
    const more = store.loadMore({})
    calls()[1]!.resolve(page([2], 'c2'))
    await more
    expect(store.listFor({})!.hasNext).toBe(false)
    await store.loadMore({})
    expect(calls()).toHaveLength(2)
  })
})
