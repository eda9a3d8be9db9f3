import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '~/composables/core/api/ApiError'
import { useCartStore } from '~/stores/cart/cart'
import { apiError } from '../../support/fakeApi'
import { sent, useCartStoreHarness } from './support/cartStoreHarness'

// Adding to the cart: counted at once, then shown as the backend answered; lost answers read the cart again,
// refusals are taken as they are. Harness: support/cartStoreHarness.ts.
const cart = useCartStoreHarness()
const { loadedStore, serveCart } = cart

describe('cart store: adding', () => {
  it('counts an addition at once, then shows exactly what the backend answered', async () => {
    const store = await loadedStore()
    const adding = store.add({ productId: 30, variantId: null, quantity: 2 })
    expect(store.itemCount).toBe(5)
    const post = (await sent(() => cart.fake.callsTo('/cart/items/', 'POST')))[0]!
    expect(post.body).toEqual({ product_id: 30, quantity: 2 })
    post.resolve(cart.backend.add(30, null, 2, 1250))
    await adding
    expect(store.itemCount).toBe(5)
    expect(store.additions).toEqual([])
    expect(store.cart?.subtotal).toEqual({ amount: 5000, currency: 'USD' })
    expect(store.lastAddition).toMatchObject({ lineId: 100, error: null })
  })

  it('shows an addition to an existing line on that line, and rolls it back when refused', async () => {
    const store = await loadedStore()
    const adding = store.add({ productId: 10, variantId: null, quantity: 3 })
    expect(store.lines.find(l => l.id === 1)).toMatchObject({ quantity: 5, confirmedQuantity: 2, pending: true })
    ;(await sent(() => cart.fake.callsTo('/cart/items/', 'POST')))[0]!.reject(apiError(503, 'Service temporarily unavailable.'))
    await expect(adding).rejects.toMatchObject({ status: 503 })
    expect(store.lines.find(l => l.id === 1)).toMatchObject({ quantity: 2, pending: false })
    expect(store.itemCount).toBe(3)
    expect(store.lastAddition?.error?.status).toBe(503)
  })

  it('reads the cart again after a lost answer: an addition that was made is added, one that was not can be tried again', async () => {
    const store = await loadedStore()
    // The backend made the addition; its answer never arrived.
    cart.fake.on('POST', '/cart/items/', () => {
      cart.backend.add(10, null, 3)
      throw apiError(0, 'We could not reach the store.')
    })
    await store.add({ productId: 10, variantId: null, quantity: 3 })
    expect(store.lines.find(l => l.id === 1)).toMatchObject({ quantity: 5, confirmedQuantity: 5, pending: false })
    expect(store.lastAddition).toMatchObject({ lineId: 1, error: null })
    expect(cart.fake.callsTo('/cart/items/', 'POST')).toHaveLength(1)

    // A 2xx whose body could not be read: the addition was made, and counts as made.
    cart.fake.on('POST', '/cart/items/', () => {
      cart.backend.add(10, null, 1)
      throw new ApiError({ status: 201, code: 'bad_response', message: 'Unreadable.', fieldErrors: {}, retryable: false })
    })
    await store.add({ productId: 10, variantId: null, quantity: 1 })
    expect(store.lines.find(l => l.id === 1)).toMatchObject({ quantity: 6, pending: false })

    // A gateway's 502, nothing made: a failure, with the cart as the backend holds it.
    cart.fake.on('POST', '/cart/items/', apiError(502, 'Bad gateway.'))
    await expect(store.add({ productId: 10, variantId: null, quantity: 1 })).rejects.toMatchObject({ status: 502 })
    expect(store.lines.find(l => l.id === 1)).toMatchObject({ quantity: 6, pending: false })
    expect(store.lastAddition?.error?.status).toBe(502)
    expect(cart.fake.callsTo('/cart/', 'GET')).toHaveLength(4)
  })

  it('says an addition is unconfirmed when the answer was lost and the cart was not known before', async () => {
    serveCart()
    cart.fake.on('POST', '/cart/items/', () => {
      cart.backend.add(30, null, 1)
      throw apiError(504, 'Gateway timeout.')
    })
    vi.stubGlobal('document', { cookie: 'sf_cart=1' })
    const store = useCartStore()
    await expect(store.add({ productId: 30, variantId: null, quantity: 1 })).rejects.toMatchObject({ code: 'unconfirmed', message: expect.stringMatching(/could not confirm/) })
    expect(store.itemCount).toBe(1)
  })

  it('takes a refusal (a 400, a 409) as it is, without reading the cart again', async () => {
    const store = await loadedStore()
    cart.fake.on('POST', '/cart/items/', apiError(400, 'Invalid.', { quantity: ['Ensure this value is less than or equal to 99.'] }))
    await expect(store.add({ productId: 10, variantId: null, quantity: 1 })).rejects.toMatchObject({ status: 400 })
    expect(cart.fake.callsTo('/cart/', 'GET')).toHaveLength(1)
  })

  it('refuses a quantity outside 1..99 without asking the backend', async () => {
    const store = await loadedStore()
    await expect(store.add({ productId: 30, variantId: null, quantity: 0 })).rejects.toMatchObject({ status: 400, fieldErrors: { quantity: expect.any(Array) } })
    expect(cart.fake.callsTo('/cart/items/')).toHaveLength(0)
  })
})
