import { describe, expect, it } from 'vitest'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import OrderDetail from '~/components/order/OrderDetail.vue'
import OrderStatusBadge from '~/components/order/OrderStatusBadge.vue'
import { toOrder } from '~/services/mappers/order'
import { orderIdFrom, useOrderDetail } from '~/composables/orders/useOrderDetail'
import { useOrderHistory } from '~/composables/orders/useOrderHistory'
import { apiError } from '../../support/fakeApi'
import { mountComposable } from '../../support/nuxt'
import { settle } from '../../support/promises'
import { useFakeApi } from '../../support/useFakeApi'
import { orderDto } from '../../mocks/serializers/commerce'
import type { OrderRecord } from '../../mocks/db/types'

const fake = useFakeApi()

const record = (id: number): OrderRecord => ({
  id, number: `DEMO-${100000 + id}`, userId: 1, status: 'paid',
  lines: [{ productId: 7, variantId: null, title: 'Mug', sku: 'SKU-7', quantity: 1, unitPriceCents: 500 }],
  shippingAddress: { full_name: 'Ada', line1: '1 Way', line2: '', city: 'London', postal_code: 'N1', country: 'GB', phone: '' },
  shippingMethodId: 1, shippingCents: 499, createdAt: Date.parse('2026-03-01T10:00:00Z'),
})

describe('order detail', () => {
  it('reads an order id from the path only when it is digits (no request otherwise)', async () => {
    expect(orderIdFrom('42')).toBe(42)
    expect(orderIdFrom('4x')).toBeNull()
    expect(orderIdFrom(['42'])).toBeNull()
    const { result } = await mountComposable(() => useOrderDetail(null))
    expect(result.notFound.value).toBe(true)
    expect(fake.current.calls).toHaveLength(0)
  })

  it('says not found for the backend\'s 404 (unknown or another shopper\'s order), and offers a retry for other failures', async () => {
    fake.current.on('GET', '/orders/9/', apiError(404, 'Not found.'))
    const missing = await mountComposable(() => useOrderDetail(9))
    await settle()
    expect([missing.result.notFound.value, missing.result.error.value]).toEqual([true, null])

    fake.current.on('GET', '/orders/10/', apiError(503, 'Down.'), orderDto(record(10)))
    const failing = await mountComposable(() => useOrderDetail(10))
    await settle()
    expect(failing.result.notFound.value).toBe(false)
    expect(failing.result.error.value).toMatchObject({ status: 503 })
    await failing.result.retry()
    expect(failing.result.order.value).toMatchObject({ id: 10, number: 'DEMO-100010' })
  })
})

describe('order detail: delivered or collected', () => {
  const date = { iso: '2026-03-01T10:00:00Z', relative: '2 days ago', absolute: '1 March 2026, 10:00 UTC' }
  const detail = (shippingMethodId: number) => mountSuspended(OrderDetail, {
    props: { order: toOrder(orderDto({ ...record(5), shippingMethodId, shippingCents: 0 })), date, delivery: 'Wed 4 Mar' },
  })
  const headings = (wrapper: Awaited<ReturnType<typeof detail>>) => wrapper.findAll('h2, h3').map(h => h.text())

  it('a store pickup order is collected: no delivery, no shipping, the address is the shopper\'s own', async () => {
    const wrapper = await detail(3)
    expect(headings(wrapper)).toEqual(['Order details', 'Items', 'Collection', 'Your address', 'What happens next'])
    expect(wrapper.text()).toContain('You collect it in store (Store pickup), ready Wed 4 Mar.')
    expect(wrapper.text()).toContain('Ready to collect: Wed 4 Mar')
    expect(wrapper.text()).not.toMatch(/ships|Delivery|Shipping method/)
  })

  it('a delivered order says where it goes and that it ships', async () => {
    const wrapper = await detail(1)
    expect(headings(wrapper)).toEqual(['Order details', 'Items', 'Delivery', 'What happens next'])
    expect(wrapper.text()).toContain('It ships with Standard, expected Wed 4 Mar.')
    expect(wrapper.text()).toContain('Shipping method: Standard')
  })
})

describe('order history', () => {
  it('is a list view of the shopper\'s orders, newest first', async () => {
    fake.current.on('GET', '/orders/', { next: null, previous: null, results: [orderDto(record(3)), orderDto(record(2))] })
    const { result } = await mountComposable(() => useOrderHistory())
    await settle()
    expect(result.items.value.map(o => o.number)).toEqual(['DEMO-100003', 'DEMO-100002'])
    expect(result.status.value).toBe('done')
  })
})

describe('status badge', () => {
  it('names known statuses and shows any other as the backend names it, with a label for screen readers', async () => {
    const paid = await mountSuspended(OrderStatusBadge, { props: { status: 'paid' } })
    expect(paid.text()).toBe('Status: Paid')
    const custom = await mountSuspended(OrderStatusBadge, { props: { status: 'awaiting_pickup' } })
    expect(custom.text()).toBe('Status: Awaiting pickup')
  })

  it('leaves its label out where a visible term already says "Status"', async () => {
    const labelled = await mountSuspended(OrderStatusBadge, { props: { status: 'paid', labelled: true } })
    expect(labelled.text()).toBe('Paid')
  })
})
