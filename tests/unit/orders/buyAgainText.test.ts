import { describe, expect, it } from 'vitest'
import { buyAgainSummary, type BuyAgainItem } from '~/composables/orders/buyAgainText'
import type { OrderLine } from '~/services/domain/order'

// What the live region says after a Buy again run: a line whose answer was lost and whose cart could not be read may
// be in the cart, so nothing in the sentence may say it was not added.
const money = (amount: number) => ({ amount, currency: 'USD' })
const line = (productId: number, title: string): OrderLine => ({
  productId, variantId: null, title, sku: `SKU-${productId}`, quantity: 1, unitPrice: money(500), lineTotal: money(500),
})
const STOP = 'Could not reach the shop. Check your connection and try again.'

describe('buyAgainSummary', () => {
  it('never says "nothing was added" or "not added yet" of a line whose addition could not be confirmed', () => {
    const items: BuyAgainItem[] = [
      { line: line(1, 'Mug'), state: { kind: 'unknown', before: 0, sent: 1, limit: null } },
      { line: line(2, 'Tee'), state: { kind: 'waiting' } },
    ]
    expect(buyAgainSummary(items, STOP, null)).toBe(`Nothing is confirmed in your cart yet. ${STOP} We could not confirm Mug was added: check your cart before adding it again. Not added yet: Tee. You can try the rest; nothing is added twice.`)
    // Without such a line, nothing was added, and says so.
    const waiting: BuyAgainItem[] = items.map(item => ({ ...item, state: { kind: 'waiting' } }))
    expect(buyAgainSummary(waiting, STOP, null)).toBe(`Nothing was added to your cart. ${STOP} Not added yet: Mug, Tee. You can try the rest; nothing is added twice.`)
  })
})
