import { describe, expect, it } from 'vitest'
import { beginAttempt } from '~/composables/checkout/attempt/attemptMachine'
import { CLOCK_SKEW_MS, findAttemptOrder } from '~/composables/checkout/attempt/orderMatch'
import type { Order } from '~/services/domain/order'
import { ADDRESS, request } from './support/fakeShop'

const STARTED = Date.parse('2026-03-01T10:00:00Z')
const usd = (amount: number) => ({ amount, currency: 'USD' })

function order(id: number, changes: Partial<Order> = {}, minutesAfterStart = 1): Order {
  return {
    id,
    number: `N-${id}`,
    status: 'paid',
    lines: [{ productId: 7, variantId: null, quantity: 2, title: 'Mug', sku: 'M', unitPrice: usd(500), lineTotal: usd(1000) }],
    itemCount: 2,
    subtotal: usd(1000),
    shippingTotal: usd(499),
    total: usd(1499),
    currency: 'USD',
    address: { ...ADDRESS, postalCode: ' n1  9gu ' },
    shippingMethod: { id: 1, name: 'Standard', price: usd(499), pickup: false },
    createdAt: new Date(STARTED + minutesAfterStart * 60_000).toISOString(),
    ...changes,
  }
}

const attempt = (baseline: number | null | 'unknown') => beginAttempt({ key: 'k', request: request(), lines: [{ productId: 7, variantId: null, quantity: 2 }], now: STARTED, baseline })

describe('finding the order a lost answer made', () => {
  it('matches lines, shipping method and address (spacing and case aside)', () => {
    expect(findAttemptOrder([order(5)], attempt(null))?.id).toBe(5)
    expect(findAttemptOrder([order(5, { shippingMethod: { id: 2, name: 'Express', price: usd(1499), pickup: false } })], attempt(null))).toBeNull()
    expect(findAttemptOrder([order(5, { lines: [{ ...order(5).lines[0]!, quantity: 3 }] })], attempt(null))).toBeNull()
    expect(findAttemptOrder([order(5, { address: { ...ADDRESS, line1: '1 Other St' } })], attempt(null))).toBeNull()
  })

  it('only looks at orders newer than the newest one known when the attempt began', () => {
    // The same goods were ordered before (order 4): that is not this attempt's order.
    expect(findAttemptOrder([order(4)], attempt(4))).toBeNull()
    expect(findAttemptOrder([order(6), order(4)], attempt(4))?.id).toBe(6)
  })

  it('falls back on the clocks, with a generous skew, when the newest order was unknown', () => {
    expect(findAttemptOrder([order(9, {}, -CLOCK_SKEW_MS / 60_000 + 1)], attempt('unknown'))?.id).toBe(9)
    expect(findAttemptOrder([order(9, {}, -CLOCK_SKEW_MS / 60_000 - 1)], attempt('unknown'))).toBeNull()
  })

  it('finds nothing for an attempt whose body is gone (finished)', () => {
    expect(findAttemptOrder([order(5)], { ...attempt(null), request: null })).toBeNull()
  })
})
