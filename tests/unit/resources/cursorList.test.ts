import { createPinia, defineStore, setActivePinia } from 'pinia'
import { ref } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CursorPage } from '~/services/domain/pagination'
import { createCursorList, type PageRequest } from '~/stores/resources/cursorList'
import { apiError } from '../../support/fakeApi'
import { deferred, settle } from '../../support/promises'

interface Order { id: number, total: number }
type Filter = { status?: 'open' | 'shipped' }

/** A list of orders (the shape an order history would have) whose pages the test answers one by one. */
function orders() {
  const byId = ref<Record<number, Order>>({})
  const requests: Array<{ filter: Filter, page: PageRequest, answer: ReturnType<typeof deferred<CursorPage<Order>>> }> = []
  const list = createCursorList<Filter, Order>({
    fetchPage: (filter, page) => {
      const answer = deferred<CursorPage<Order>>()
      requests.push({ filter, page, answer })
      return answer.promise
    },
    keep: (items) => {
      for (const order of items) byId.value[order.id] = order
    },
    idOf: order => order.id,
    keyOf: filter => filter.status ?? 'all',
    ttlMs: 60_000,
    pageSize: 2,
    maxPageSize: 50,
  })
  const page = (ids: number[], nextCursor: string | null): CursorPage<Order> => ({ items: ids.map(id => ({ id, total: id * 100 })), nextCursor, previousCursor: null })
  return { list, byId, requests, page }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-01-01T00:00:00Z'))
})
afterEach(() => { vi.useRealTimers() })

describe('createCursorList', () => {
  it('walks pages idle -> loading -> idle -> done, keeping entities by id and ids once, in order', async () => {
    const { list, byId, requests, page } = orders()
    const first = list.fetchFirst({})
    expect(list.get({})?.status).toBe('loading')
    expect(requests[0]!.page).toMatchObject({ cursor: null, pageSize: 2 })
    requests[0]!.answer.resolve(page([1, 2], 'c2'))
    expect((await first).status).toBe('idle')
    const more = list.loadMore({})
    expect(requests[1]!.page.cursor).toBe('c2')
    requests[1]!.answer.resolve(page([2, 3], null))
    await more
    const state = list.get({})!
    expect(state.ids).toEqual([1, 2, 3])
    expect(state.pages).toEqual([{ cursor: null, offset: 0 }, { cursor: 'c2', offset: 2 }])
    expect(state.status).toBe('done')
    expect(byId.value[3]).toEqual({ id: 3, total: 300 })
    // Done is done: nothing more is asked.
    await list.loadMore({})
    expect(requests).toHaveLength(2)
  })

  it('coalesces concurrent first loads and concurrent next pages into one request each', async () => {
    const { list, requests, page } = orders()
    const a = list.fetchFirst({})
    const b = list.fetchFirst({})
    expect(requests).toHaveLength(1)
    requests[0]!.answer.resolve(page([1, 2], 'c2'))
    await Promise.all([a, b])
    const c = list.loadMore({})
    const d = list.loadMore({})
    expect(requests).toHaveLength(2)
    requests[1]!.answer.resolve(page([3], null))
    await Promise.all([c, d])
    expect(list.get({})!.ids).toEqual([1, 2, 3])
  })

  it('reuses a list within its TTL and loads it again after', async () => {
    const { list, requests, page } = orders()
    const first = list.fetchFirst({})
    requests[0]!.answer.resolve(page([1], null))
    await first
    vi.setSystemTime(Date.now() + 59_000)
    await list.fetchFirst({})
    expect(requests).toHaveLength(1)
    vi.setSystemTime(Date.now() + 2_000)
    void list.fetchFirst({})
    expect(requests).toHaveLength(2)
  })

  it('loading an expired list again keeps the pages walked since when its first page is unchanged, and starts over when not', async () => {
    const { list, requests, page } = orders()
    const walk = async () => {
      const first = list.fetchFirst({})
      requests.at(-1)!.answer.resolve(page([1, 2], 'c2'))
      await first
      const more = list.loadMore({})
      requests.at(-1)!.answer.resolve(page([3, 4], 'c3'))
      await more
    }
    await walk()
    vi.setSystemTime(Date.now() + 61_000)
    const again = list.fetchFirst({})
    // The old items stay on screen while it loads.
    expect(list.get({})!.ids).toEqual([1, 2, 3, 4])
    requests.at(-1)!.answer.resolve(page([1, 2], 'c2'))
    await again
    expect(list.get({})).toMatchObject({ ids: [1, 2, 3, 4], nextCursor: 'c3', status: 'idle' })
    expect(list.keyFor({}, { startCursor: 'c2' })).toBe(list.get({})!.key)

    vi.setSystemTime(Date.now() + 61_000)
    const changed = list.fetchFirst({})
    requests.at(-1)!.answer.resolve(page([9, 1], 'c9'))
    await changed
    expect(list.get({})).toMatchObject({ ids: [9, 1], nextCursor: 'c9', pages: [{ cursor: null, offset: 0 }] })
  })

  it('drops the answer for a list the page switched away from, and aborts its request', async () => {
    const { list, requests, page } = orders()
    const open = list.activate({ status: 'open' })
    const shipped = list.activate({ status: 'shipped' })
    expect(requests[0]!.page.signal.aborted).toBe(true)
    requests[1]!.answer.resolve(page([7], null))
    await shipped
    requests[0]!.answer.resolve(page([5], null))
    await open
    await settle()
    expect(list.get({ status: 'open' })).toMatchObject({ ids: [], status: 'idle' })
    expect(list.get({ status: 'shipped' })!.ids).toEqual([7])
  })

  it('drops a late page after a reset', async () => {
    const { list, requests, page } = orders()
    const first = list.fetchFirst({})
    requests[0]!.answer.resolve(page([1], 'c2'))
    await first
    const more = list.loadMore({})
    list.reset()
    expect(requests[1]!.page.signal.aborted).toBe(true)
    requests[1]!.answer.resolve(page([2], null))
    await more
    expect(list.get({})).toBeUndefined()
  })

  it('keeps a failed page as plain error data and retries exactly that page', async () => {
    const { list, requests, page } = orders()
    const first = list.fetchFirst({})
    requests[0]!.answer.resolve(page([1], 'c2'))
    await first
    const more = list.loadMore({})
    requests[1]!.answer.reject(apiError(503, 'Busy.'))
    await more
    expect(list.get({})).toMatchObject({ status: 'error', error: { status: 503, message: 'Busy.' } })
    const retry = list.retry({})
    expect(requests[2]!.page.cursor).toBe('c2')
    requests[2]!.answer.resolve(page([2], null))
    await retry
    expect(list.get({})).toMatchObject({ ids: [1, 2], status: 'done', error: null })
  })

  it('retries a failed first page from the start', async () => {
    const { list, requests, page } = orders()
    const first = list.fetchFirst({})
    requests[0]!.answer.reject(apiError(0, 'offline'))
    await first
    expect(list.get({})?.status).toBe('error')
    const retry = list.retry({})
    expect(requests[1]!.page.cursor).toBeNull()
    requests[1]!.answer.resolve(page([1], null))
    await retry
    expect(list.get({})?.ids).toEqual([1])
  })

  it('starts at a cursor, and finds the list that already walked a cursor\'s page', async () => {
    const { list, requests, page } = orders()
    const first = list.fetchFirst({})
    requests[0]!.answer.resolve(page([1, 2], 'c2'))
    await first
    const more = list.loadMore({})
    requests[1]!.answer.resolve(page([3, 4], 'c3'))
    await more
    expect(list.keyFor({}, { startCursor: 'c2' })).toBe(list.get({})!.key)
    void list.fetchFirst({}, { startCursor: 'c9', pageSize: 500 })
    expect(requests[2]!.page).toMatchObject({ cursor: 'c9', pageSize: 50 })
    expect(list.get({}, { startCursor: 'c9' })?.startCursor).toBe('c9')
  })

  it('ends a list whose backend hands back the cursor it was given', async () => {
    const { list, requests, page } = orders()
    const first = list.fetchFirst({})
    requests[0]!.answer.resolve(page([1], 'c2'))
    await first
    const more = list.loadMore({})
    requests[1]!.answer.resolve(page([2], 'c2'))
    await more
    expect(list.get({})).toMatchObject({ hasNext: false, status: 'done' })
  })

  it('ends a list whose backend sends it back to a page it already walked (page 3 naming page 2 as next)', async () => {
    const { list, requests, page } = orders()
    const first = list.fetchFirst({})
    requests[0]!.answer.resolve(page([1, 2], 'page=2'))
    await first
    const second = list.loadMore({})
    requests[1]!.answer.resolve(page([3, 4], 'page=3'))
    await second
    const third = list.loadMore({})
    requests[2]!.answer.resolve(page([5, 6], 'page=2'))
    await third
    expect(list.get({})).toMatchObject({ ids: [1, 2, 3, 4, 5, 6], hasNext: false, status: 'done' })
    await list.loadMore({})
    expect(requests).toHaveLength(3)
  })

  it('travels in the SSR payload: the browser continues from the server\'s cursor without loading the first page again', async () => {
    const useOrders = defineStore('orders', () => {
      const { list, byId, requests, page } = orders()
      return { lists: list.lists, byId, list, requests, page }
    })
    const server = createPinia()
    setActivePinia(server)
    const onServer = useOrders()
    const first = onServer.list.fetchFirst({})
    onServer.requests[0]!.answer.resolve(onServer.page([1, 2], 'c2'))
    await first
    const payload = JSON.stringify(server.state.value)

    const browser = createPinia()
    browser.state.value = JSON.parse(payload) as typeof browser.state.value
    setActivePinia(browser)
    const inBrowser = useOrders()
    await inBrowser.list.fetchFirst({})
    expect(inBrowser.requests).toHaveLength(0)
    expect(inBrowser.byId[2]).toEqual({ id: 2, total: 200 })
    void inBrowser.list.loadMore({})
    expect(inBrowser.requests[0]!.page.cursor).toBe('c2')
  })
})
