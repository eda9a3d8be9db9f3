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

  it('says an addition is unconfirmed, never "not added", when its answer was lost and the cart could not be read either', async () => {
    const store = await loadedStore()
    // The backend made the addition; its answer was lost, and the shop stopped answering reads meanwhile.
    cart.fake.on('POST', '/cart/items/', () => {
      cart.backend.add(10, null, 1)
      throw apiError(0, 'We could not reach the store.')
    })
    cart.fake.on('GET', '/cart/', apiError(503, 'Service temporarily unavailable.'), () => cart.backend.dto())
    await expect(store.add({ productId: 10, variantId: null, quantity: 1 })).rejects.toMatchObject({ code: 'unconfirmed', message: expect.stringMatching(/could not confirm/) })
    expect(store.lastAddition?.error?.code).toBe('unconfirmed')
    expect(cart.fake.callsTo('/cart/items/', 'POST')).toHaveLength(1)
    // The cart shown is the one read before: flagged as maybe out of date, and read again at the next chance.
    expect(store.lines.find(l => l.id === 1)).toMatchObject({ quantity: 2, pending: false })
    expect(store.error?.status).toBe(503)
    await store.ensureLoaded()
    expect(cart.fake.callsTo('/cart/', 'GET')).toHaveLength(3)
    expect(store.error).toBeNull()
    expect(store.lines.find(l => l.id === 1)).toMatchObject({ quantity: 3 })
  })

  it('reads a cart whose read failed after a lost answer again when the shopper comes back to the page', async () => {
    const store = await loadedStore()
    cart.fake.on('POST', '/cart/items/', apiError(504, 'Gateway timeout.'))
    cart.fake.on('GET', '/cart/', apiError(0, 'We could not reach the store.'), () => cart.backend.dto())
    await expect(store.add({ productId: 30, variantId: null, quantity: 1 })).rejects.toMatchObject({ code: 'unconfirmed' })
    store.catchUp()
    await vi.waitFor(() => expect(store.error).toBeNull())
    expect(cart.fake.callsTo('/cart/', 'GET')).toHaveLength(3)
    // Read and not failed since: nothing more is asked.
    store.catchUp()
    await store.ensureLoaded()
    expect(cart.fake.callsTo('/cart/', 'GET')).toHaveLength(3)
  })

  it('no longer takes a cart it found empty for empty after a lost answer it could not check', async () => {
    serveCart()
    // A guest without the marker: the cart is known to be empty, nothing is read.
    vi.stubGlobal('document', { cookie: '' })
    const store = useCartStore()
    await store.ensureLoaded()
    expect(store.itemCount).toBe(0)
    expect(cart.fake.callsTo('/cart/', 'GET')).toHaveLength(0)
    cart.fake.on('POST', '/cart/items/', apiError(0, 'We could not reach the store.'))
    cart.fake.on('GET', '/cart/', apiError(0, 'We could not reach the store.'))
    await expect(store.add({ productId: 30, variantId: null, quantity: 1 })).rejects.toMatchObject({ code: 'unconfirmed' })
    expect(store.itemCount, 'not known: not "0"').toBeNull()
    expect(store.status).toBe('error')
  })

  it('says an addition sent offline, or refused by the shop\'s breaker, was not added, without reading the cart again', async () => {
    const store = await loadedStore()
    vi.stubGlobal('navigator', { onLine: false })
    cart.fake.on('POST', '/cart/items/', apiError(0, 'We could not reach the store.'))
    cart.fake.on('GET', '/cart/', apiError(0, 'We could not reach the store.'))
    await expect(store.add({ productId: 10, variantId: null, quantity: 1 })).rejects.toMatchObject({ code: 'network_error' })
    expect(store.lastAddition?.error?.code).toBe('network_error')
    // The breaker in front of the backend answers without calling it: nothing can have been added.
    vi.stubGlobal('navigator', { onLine: true })
    cart.fake.on('POST', '/cart/items/', new ApiError({ status: 503, code: 'circuit_open', message: 'The shop is having trouble right now.', fieldErrors: {}, retryable: false }))
    await expect(store.add({ productId: 10, variantId: null, quantity: 1 })).rejects.toMatchObject({ code: 'circuit_open' })
    expect(cart.fake.callsTo('/cart/', 'GET')).toHaveLength(1)
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
