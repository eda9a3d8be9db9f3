import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ShippingMethodDto } from '~/services/dto'
import { MAX_LIST_PAGES } from '~/services/mappers/allPages'
import { orderService } from '~/services/orderService'
import { useShippingStore } from '~/stores/orders/shipping'
import { apiError, type FakeCall } from '../../support/fakeApi'
import { useFakeApi } from '../../support/useFakeApi'

// A DRF backend with a global DEFAULT_PAGINATION_CLASS pages GET /shipping-methods/ too; every method must reach the
// checkout, and a backend that pages wrongly must neither hang it nor pass off part of the list as all of it.

const method = (id: number, name: string): ShippingMethodDto => ({ id, name, description: '', price: '4.99', currency: 'USD', min_days: 1, max_days: 3 })
const base = 'http://backend.internal/api/shipping-methods/'
/** DRF's PageNumberPagination: `?page=N` links, the first page's own link without it. */
const numbered = (n: number, last: number, results: ShippingMethodDto[]) => ({
  count: last * 2,
  next: n < last ? `${base}?page=${n + 1}` : null,
  previous: n === 1 ? null : n === 2 ? base : `${base}?page=${n - 1}`,
  results,
})

describe('shipping methods from a backend that pages them', () => {
  const fake = useFakeApi({ unscripted: 'fail' })
  afterEach(() => {
    vi.doUnmock('~/services/categoryService')
  })

  it('reads the second page too, asked by the page number of `next`', async () => {
    fake.current.on('GET', '/shipping-methods/', (call: FakeCall) => (call.query.page === '2'
      ? numbered(2, 2, [method(3, 'Store pickup')])
      : numbered(1, 2, [method(1, 'Standard'), method(2, 'Express')])))
    const methods = await orderService(fake.current.api).shippingMethods()
    expect(methods.map(m => m.name)).toEqual(['Standard', 'Express', 'Store pickup'])
    expect(fake.current.callsTo('/shipping-methods/').map(call => call.query)).toEqual([{}, { page: '2' }])
  })

  it(`stops at a \`next\` it was given before, and after ${MAX_LIST_PAGES} pages of one that never ends`, async () => {
    fake.current.on('GET', '/shipping-methods/', { next: `${base}?cursor=same`, previous: null, results: [method(1, 'Standard')] })
    expect(await orderService(fake.current.api).shippingMethods()).toHaveLength(2)
    expect(fake.current.callsTo('/shipping-methods/')).toHaveLength(2)

    fake.current.on('GET', '/shipping-methods/', (call: FakeCall) => {
      const n = Number(call.query.page ?? 1)
      return numbered(n, Number.POSITIVE_INFINITY, [method(n, `Method ${n}`)])
    })
    expect(await orderService(fake.current.api).shippingMethods()).toHaveLength(MAX_LIST_PAGES)
    expect(fake.current.callsTo('/shipping-methods/')).toHaveLength(2 + MAX_LIST_PAGES)
  })

  it('fails as a whole when a later page fails, and the shipping step can try again', async () => {
    const pages = [numbered(1, 2, [method(1, 'Standard')]), apiError(503, 'Service unavailable.'), numbered(1, 2, [method(1, 'Standard')]), numbered(2, 2, [method(3, 'Store pickup')])]
    fake.current.on('GET', '/shipping-methods/', ...pages)
    const store = useShippingStore()
    expect(await store.load()).toMatchObject({ status: 'error', data: null, error: { status: 503, retryable: true } })
    expect((await store.load({ force: true })).data?.map(m => m.name)).toEqual(['Standard', 'Store pickup'])
  })

  it('fails as a network error, to try again, when the page-walking code cannot be fetched', async () => {
    fake.current.on('GET', '/shipping-methods/', (call: FakeCall) => (call.query.page === '2'
      ? numbered(2, 2, [method(3, 'Store pickup')])
      : numbered(1, 2, [method(1, 'Standard')])))
    // The module the service loads the walker from (its chunk, in the browser) cannot be fetched.
    vi.doMock('~/services/categoryService', () => {
      throw new TypeError('Failed to fetch dynamically imported module')
    })
    const service = orderService(fake.current.api)
    await expect(service.shippingMethods()).rejects.toMatchObject({ code: 'network_error', retryable: true })
    vi.doUnmock('~/services/categoryService')
    expect((await service.shippingMethods()).map(m => m.name)).toEqual(['Standard', 'Store pickup'])
  })
})
