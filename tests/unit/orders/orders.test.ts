import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CursorPageDto, OrderDto } from '~/services/dto'
import { toAddressDto, toOrder, toOrderCreate, toShippingMethod } from '~/services/mappers/order'
import { orderService } from '~/services/orderService'
import { useOrderStore } from '~/stores/orders/orders'
import { apiError, type FakeCall } from '../../support/fakeApi'
import { installApiSession } from '../../support/installedApi'
import { useFakeApi } from '../../support/useFakeApi'
import { orderDto } from '../../mocks/serializers/commerce'
import type { OrderRecord } from '../../mocks/db/types'

// Orders as the demo backend serializes them, through the mappers and the orders store.

function record(id: number, minutes = 0): OrderRecord {
  return {
    id,
    number: `DEMO-${100000 + id}`,
    userId: 1,
    status: 'paid',
    lines: [{ productId: 7, variantId: null, title: 'Mug', sku: 'SKU-7', quantity: 3, unitPriceCents: 1099 }, { productId: 8, variantId: 81, title: 'Tee', sku: 'T-81', quantity: 1, unitPriceCents: 1500 }],
    shippingAddress: { full_name: 'Ada', line1: '1 Way', line2: '', city: 'London', postal_code: 'N1', country: 'GB', phone: '' },
    shippingMethodId: 2,
    shippingCents: 1499,
    createdAt: Date.parse('2026-03-01T10:00:00Z') + minutes * 60_000,
  }
}

const page = (ids: number[], next: string | null): CursorPageDto<OrderDto> => ({
  next: next ? `http://api.test/api/orders/?cursor=${next}` : null, previous: null, results: ids.map(id => orderDto(record(id))),
})

describe('order mappers', () => {
  it('keep the backend\'s totals in minor units and count the items', () => {
    const order = toOrder(orderDto(record(5)))
    expect(order).toMatchObject({
      id: 5, number: 'DEMO-100005', status: 'paid', itemCount: 4,
      subtotal: { amount: 4797, currency: 'USD' }, shippingTotal: { amount: 1499 }, total: { amount: 6296 },
      address: { fullName: 'Ada', postalCode: 'N1', line2: '', phone: '' },
      shippingMethod: { id: 2, name: 'Express', price: { amount: 1499 } },
      lines: [{ productId: 7, variantId: null, quantity: 3, unitPrice: { amount: 1099 }, lineTotal: { amount: 3297 } }, { variantId: 81 }],
    })
  })

  it('send a trimmed address, leave optional parts out when empty, upper-case the country', () => {
    expect(toAddressDto({ fullName: ' Ada ', line1: '1 Way ', line2: ' ', city: 'London', postalCode: 'N1', country: 'gb', phone: '' }))
      .toEqual({ full_name: 'Ada', line1: '1 Way', city: 'London', postal_code: 'N1', country: 'GB' })
    expect(toOrderCreate({ address: { fullName: 'A', line1: 'L', line2: 'Flat 2', city: 'C', postalCode: 'P', country: 'FR', phone: '+33 1' }, shippingMethodId: 3, paymentToken: 'tok_amex' }))
      .toEqual({ shipping_address: { full_name: 'A', line1: 'L', line2: 'Flat 2', city: 'C', postal_code: 'P', country: 'FR', phone: '+33 1' }, shipping_method_id: 3, payment_token: 'tok_amex' })
    expect(toShippingMethod({ id: 1, name: 'Standard', description: 'd', price: '4.99', currency: 'USD', min_days: 3, max_days: 5 }))
      .toEqual({ id: 1, name: 'Standard', description: 'd', price: { amount: 499, currency: 'USD' }, minDays: 3, maxDays: 5, pickup: false })
  })

  it('tell a method the shopper collects from one that is delivered, by its name (the contract has no kind)', () => {
    const method = (name: string) => toShippingMethod({ id: 1, name, description: '', price: '0.00', currency: 'USD', min_days: 2, max_days: 2 })
    expect(['Store pickup', 'Pick-up point', 'Click & Collect', 'Standard', 'Express', 'Pickled goods courier'].map(name => method(name).pickup))
      .toEqual([true, true, true, false, false, false])
    expect(toOrder(orderDto({ ...record(6), shippingMethodId: 3 })).shippingMethod).toMatchObject({ name: 'Store pickup', pickup: true })
    expect(toOrder(orderDto(record(6))).shippingMethod.pickup).toBe(false)
  })
})

describe('orders store', () => {
  const fake = useFakeApi({ unscripted: 'fail' })
  // The store follows the signed-in shopper (the auth store), which needs a session.
  beforeEach(() => installApiSession({ setAccessToken: () => {}, signOut: () => {} }))
  afterEach(() => installApiSession(null))

  it('walks the history newest first with the backend\'s cursors', async () => {
    fake.current.on('GET', '/orders/', (call: FakeCall) => (call.query.cursor === 'c2' ? page([3], null) : page([9, 8], 'c2')))
    const store = useOrderStore()
    await store.fetchFirst({})
    await store.loadMore({})
    expect(store.listFor({})).toMatchObject({ ids: [9, 8, 3], status: 'done', hasNext: false })
    expect(fake.current.callsTo('/orders/').map(c => c.query)).toEqual([{ cursor: undefined, page_size: 10 }, { cursor: 'c2', page_size: 10 }])
    expect(store.byId[8]?.number).toBe('DEMO-100008')
  })

  it('reads the shipping methods as a plain list, or paged when the backend pages every list', async () => {
    const method = { id: 1, name: 'Standard', price: '4.99', currency: 'USD', min_days: 3, max_days: 5 }
    const service = orderService(fake.current.api)
    fake.current.on('GET', '/shipping-methods/', [method], { next: null, previous: null, results: [method] })
    const plain = await service.shippingMethods()
    const paged = await service.shippingMethods()
    expect(paged).toEqual(plain)
    expect(plain[0]).toMatchObject({ id: 1, name: 'Standard', price: { amount: 499, currency: 'USD' } })
  })

  it('keeps a 404 for an order as a failure, never cached', async () => {
    fake.current.on('GET', '/orders/77/', apiError(404, 'Not found.'), orderDto(record(77)))
    const store = useOrderStore()
    expect(await store.loadOrder(77)).toMatchObject({ status: 'error', error: { status: 404 } })
    expect(await store.loadOrder(77)).toMatchObject({ status: 'success', data: { id: 77 } })
  })

  it('shows a placed order at once and loads the history again', async () => {
    fake.current.on('GET', '/orders/', page([4], null), page([12, 4], null))
    const store = useOrderStore()
    await store.fetchFirst({})
    store.remember(toOrder(orderDto(record(12))))
    expect(store.detailFor(12)?.data?.id).toBe(12)
    expect(store.newestOrder()?.data?.id).toBe(12)
    expect(store.listFor({})).toBeUndefined()
    await store.fetchFirst({})
    expect(store.listFor({})?.ids).toEqual([12, 4])
  })

  it('places with the attempt\'s key, sent once, and reads the newest orders for a lost answer', async () => {
    fake.current.on('POST', '/orders/', orderDto(record(30)))
    fake.current.on('GET', '/orders/', page([30, 29], null))
    const store = useOrderStore()
    const answer = await store.place({ address: { fullName: 'A', line1: 'L', line2: '', city: 'C', postalCode: 'P', country: 'GB', phone: '' }, shippingMethodId: 1, paymentToken: 'tok_visa' }, 'key-1')
    expect(answer).toMatchObject({ kind: 'placed', replayed: false, order: { id: 30 } })
    expect(fake.current.callsTo('/orders/', 'POST')[0]?.options).toMatchObject({ idempotencyKey: 'key-1', maxRetries: 0 })
    expect((await store.newestOrders(10)).map(o => o.id)).toEqual([30, 29])
  })

  it('turns a refused order into what it means instead of throwing', async () => {
    fake.current.on('POST', '/orders/', apiError(402, 'Your card was declined.'))
    const answer = await useOrderStore().place({ address: { fullName: 'A', line1: 'L', line2: '', city: 'C', postalCode: 'P', country: 'GB', phone: '' }, shippingMethodId: 1, paymentToken: 'tok_chargeDeclined' }, 'key-2')
    expect(answer.kind).toBe('declined')
  })

  it('forgets everything personal on reset (a new shopper)', async () => {
    fake.current.on('GET', '/orders/', page([4], null))
    const store = useOrderStore()
    await store.fetchFirst({})
    await store.loadNewest()
    store.reset()
    expect(store.byId).toEqual({})
    expect(store.listFor({})).toBeUndefined()
    expect(store.newestOrder()).toBeUndefined()
  })
})
