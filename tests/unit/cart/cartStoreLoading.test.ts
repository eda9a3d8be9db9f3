import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '~/composables/core/api/ApiError'
import { useAuthStore } from '~/stores/auth'
import { useCartStore } from '~/stores/cart/cart'
import { apiError } from '../../support/fakeApi'
import { sent, useCartStoreHarness } from './support/cartStoreHarness'

// The cart store's reads: when it loads the cart (and asks for a token), what it keeps when a reload fails, the
// prices it remembers to flag changes, and forgetting it all at sign-out. Harness: support/cartStoreHarness.ts.
const cart = useCartStoreHarness()
const { guestStore, loadedStore, patches, serveCart, session, storage } = cart

describe('cart store: loading', () => {
  it('asks nothing for a guest without the cart marker, and knows the cart is empty', async () => {
    vi.stubGlobal('document', { cookie: 'other=1' })
    const store = useCartStore()
    await store.ensureLoaded()
    expect(cart.fake.calls).toHaveLength(0)
    expect(store.itemCount).toBe(0)
    expect(store.status).toBe('success')
    expect(store.cart).toBeNull()
  })

  it('loads once for a guest with the marker, however many callers ask, and shows the backend\'s count', async () => {
    const store = guestStore()
    // Callers at once (the header's badge, the cart page) and one after the cart is there.
    await Promise.all([store.ensureLoaded(), store.ensureLoaded()])
    await store.ensureLoaded()
    expect(cart.fake.callsTo('/cart/', 'GET')).toHaveLength(1)
    expect(store.itemCount).toBe(3)
    expect(store.cart?.subtotal).toEqual({ amount: 2500, currency: 'USD' })
  })

  it('loads for a signed-in shopper whatever the marker says, with an access token fetched first', async () => {
    vi.stubGlobal('document', { cookie: '' })
    serveCart()
    const auth = useAuthStore()
    auth.user = { id: 1, email: 'a@b.c', firstName: 'A', lastName: 'B', displayName: 'A B', dateJoined: '2024-01-01' } as never
    await useCartStore().ensureLoaded()
    expect(cart.fake.callsTo('/cart/', 'GET')).toHaveLength(1)
    // Without it the cart would be the (empty) guest cart: the cart never answers 401.
    expect(session.refresh).toHaveBeenCalledTimes(1)
  })

  it('asks no token for a guest', async () => {
    await loadedStore()
    expect(session.refresh).not.toHaveBeenCalled()
  })

  it('refresh rejects with the ApiError and keeps the cart it had', async () => {
    const store = await loadedStore()
    cart.fake.on('GET', '/cart/', apiError(503, 'Down.'))
    await expect(store.refresh()).rejects.toBeInstanceOf(ApiError)
    expect(store.itemCount).toBe(3)
    expect(store.error?.status).toBe(503)
  })
})

describe('cart store: prices and sign-out', () => {
  it('flags a line whose price changed since this browser first showed it, until the shopper acknowledges it', async () => {
    const store = await loadedStore()
    expect(store.lines[0]!.previousUnitPrice).toBeNull()
    expect(JSON.parse(storage.get('sf-cart-seen-prices')!)).toEqual({ '10:': { amount: 1000, currency: 'USD' }, '20:201': { amount: 500, currency: 'USD' } })
    cart.backend.setPrice(1, 1200)
    await store.refresh()
    expect(store.lines[0]).toMatchObject({ unitPrice: { amount: 1200 }, previousUnitPrice: { amount: 1000, currency: 'USD' } })
    store.acceptPriceChange(1)
    expect(store.lines[0]!.previousUnitPrice).toBeNull()
  })

  it('remembers prices across page loads, and only for lines still in the cart', async () => {
    storage.set('sf-cart-seen-prices', JSON.stringify({ '10:': { amount: 900, currency: 'USD' }, '99:': { amount: 1, currency: 'USD' } }))
    const store = await loadedStore()
    expect(store.lines[0]!.previousUnitPrice).toEqual({ amount: 900, currency: 'USD' })
    expect(Object.keys(JSON.parse(storage.get('sf-cart-seen-prices')!))).toEqual(['10:', '20:201'])
  })

  it('forgets everything at reset, and drops answers to requests sent before it', async () => {
    const store = await loadedStore()
    const change = store.setQuantity(1, 3)
    await sent(() => patches(1))
    store.reset()
    patches(1)[0]!.resolve(cart.backend.patch(1, 3))
    await change
    expect(store.cart).toBeNull()
    expect(store.itemCount).toBe(0)
    expect(store.lines).toEqual([])
    expect(storage.has('sf-cart-seen-prices')).toBe(false)
  })
})
