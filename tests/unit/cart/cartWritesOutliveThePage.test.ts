import { $fetch } from 'ofetch'
import { describe, expect, it } from 'vitest'
import { createApiClient } from '~/composables/core/api/createApiClient'
import type { BffCartDto } from '~/services/dto'
import { cartService } from '~/services/cartService'

// A full page load cancels a page's requests that have not been answered, unless they were sent with fetch's
// `keepalive`. A guest's first change to the cart is what names their cart (its answer sets the cart's cookie), so
// a cancelled one leaves the items in a cart nobody holds: every change must go out kept alive. A read need not.

const EMPTY: BffCartDto = { items: [], items_count: 0, subtotal: '0.00', currency: 'USD' }

/** The cart service on the real api core, over a fetch that records how each request was sent. */
function recordedCart() {
  const sent: Array<{ method: string, path: string, keepalive: boolean }> = []
  const browserFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init)
    sent.push({ method: request.method, path: new URL(request.url).pathname, keepalive: init?.keepalive === true })
    return Response.json(EMPTY)
  }
  const cart = cartService(createApiClient({ fetch: $fetch.create({}, { fetch: browserFetch }), baseURL: 'http://shop.test/api' }))
  return { cart, sent }
}

describe('cart requests and leaving the page', () => {
  it('sends every change kept alive, so a full page load does not cancel it, and reads as usual', async () => {
    const { cart, sent } = recordedCart()
    await cart.addLine({ productId: 12, quantity: 2 })
    await cart.setQuantity(5, 3)
    await cart.removeLine(5)
    await cart.get()
    expect(sent).toEqual([
      { method: 'POST', path: '/api/cart/items/', keepalive: true },
      { method: 'PATCH', path: '/api/cart/items/5/', keepalive: true },
      { method: 'DELETE', path: '/api/cart/items/5/', keepalive: true },
      { method: 'GET', path: '/api/cart/', keepalive: false },
    ])
  })
})
