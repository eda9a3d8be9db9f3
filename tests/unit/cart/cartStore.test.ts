import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '~/composables/core/api/ApiError'
import { useAuthStore } from '~/stores/auth'
import { useCartStore } from '~/stores/cart/cart'
import { apiError, type FakeCall } from '../../support/fakeApi'
import { installApiSession } from '../../support/installedApi'
import { settle } from '../../support/promises'
import { useFakeApi } from '../../support/useFakeApi'
import { createCartBackend, type CartBackend } from '../../support/cartBackend'

// The cart store against a fake transport whose answers a small cart backend computes (tests/unit/cart/support).
// Calls nobody scripted wait for the test, so overlap and order are under its control.
const fake = useFakeApi()
let backend: CartBackend

function quantityOf(call: FakeCall): number {
  return (call.body as { quantity: number }).quantity
}

/** A store with the cart loaded: line 1 (product 10, 2 × $10.00, stock 8) and line 2 (product 20, 1 × $5.00). */
async function loadedStore() {
  backend = createCartBackend([
    { id: 1, productId: 10, variantId: null, quantity: 2, unitCents: 1000, stock: 8 },
    { id: 2, productId: 20, variantId: 201, quantity: 1, unitCents: 500, stock: 3 },
  ])
  fake.current.on('GET', '/cart/', () => backend.dto())
  const store = useCartStore()
  vi.stubGlobal('document', { cookie: 'sf_cart=1' })
  await store.ensureLoaded()
  return store
}

function patches(id: number): FakeCall[] {
  return fake.current.callsTo(`/cart/items/${id}/`, 'PATCH')
}

/** Requests start a few microtasks later (the queue's turn, the token check): wait until `count` went out. */
async function sent<T extends unknown[]>(calls: () => T, count = 1): Promise<T> {
  await vi.waitFor(() => expect(calls().length).toBeGreaterThanOrEqual(count))
  return calls()
}

const storage = new Map<string, string>()
/** The api session: no access token in memory yet, as after a page load. */
const session = { token: null as string | null, getAccessToken: () => session.token, getStatus: () => 'unknown' as const, refresh: vi.fn(async () => (session.token = 'access-token')) }
beforeEach(() => {
  session.token = null
  session.refresh.mockClear()
  installApiSession(session)
  storage.clear()
  vi.stubGlobal('window', {
    localStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => storage.set(key, value),
      removeItem: (key: string) => storage.delete(key),
    },
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
  installApiSession(null)
})

describe('cart store: loading', () => {
  it('asks nothing for a guest without the cart marker, and knows the cart is empty', async () => {
    vi.stubGlobal('document', { cookie: 'other=1' })
    const store = useCartStore()
    await store.ensureLoaded()
    expect(fake.current.calls).toHaveLength(0)
    expect(store.itemCount).toBe(0)
    expect(store.status).toBe('success')
    expect(store.cart).toBeNull()
  })

  it('loads once for a guest with the marker, however many callers ask, and shows the backend\'s count', async () => {
    const store = await loadedStore()
    await Promise.all([store.ensureLoaded(), store.ensureLoaded()])
    expect(fake.current.callsTo('/cart/', 'GET')).toHaveLength(1)
    expect(store.itemCount).toBe(3)
    expect(store.cart?.subtotal).toEqual({ amount: 2500, currency: 'USD' })
  })

  it('loads for a signed-in shopper whatever the marker says, with an access token fetched first', async () => {
    vi.stubGlobal('document', { cookie: '' })
    backend = createCartBackend()
    fake.current.on('GET', '/cart/', () => backend.dto())
    const auth = useAuthStore()
    auth.user = { id: 1, email: 'a@b.c', firstName: 'A', lastName: 'B', displayName: 'A B', dateJoined: '2024-01-01' } as never
    await useCartStore().ensureLoaded()
    expect(fake.current.callsTo('/cart/', 'GET')).toHaveLength(1)
    // Without it the cart would be the (empty) guest cart: the cart never answers 401.
    expect(session.refresh).toHaveBeenCalledTimes(1)
  })

  it('asks no token for a guest', async () => {
    await loadedStore()
    expect(session.refresh).not.toHaveBeenCalled()
  })

  it('refresh rejects with the ApiError and keeps the cart it had', async () => {
    const store = await loadedStore()
    fake.current.on('GET', '/cart/', apiError(503, 'Down.'))
    await expect(store.refresh()).rejects.toBeInstanceOf(ApiError)
    expect(store.itemCount).toBe(3)
    expect(store.error?.status).toBe(503)
  })
})

describe('cart store: adding', () => {
  it('counts an addition at once, then shows exactly what the backend answered', async () => {
    const store = await loadedStore()
    const adding = store.add({ productId: 30, variantId: null, quantity: 2 })
    expect(store.itemCount).toBe(5)
    const post = (await sent(() => fake.current.callsTo('/cart/items/', 'POST')))[0]!
    expect(post.body).toEqual({ product_id: 30, quantity: 2 })
    post.resolve(backend.add(30, null, 2, 1250))
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
    ;(await sent(() => fake.current.callsTo('/cart/items/', 'POST')))[0]!.reject(apiError(503, 'Service temporarily unavailable.'))
    await expect(adding).rejects.toMatchObject({ status: 503 })
    expect(store.lines.find(l => l.id === 1)).toMatchObject({ quantity: 2, pending: false })
    expect(store.itemCount).toBe(3)
    expect(store.lastAddition?.error?.status).toBe(503)
  })

  it('reads the cart again after a lost answer: an addition that was made is added, one that was not can be tried again', async () => {
    const store = await loadedStore()
    // The backend made the addition; its answer never arrived.
    fake.current.on('POST', '/cart/items/', () => {
      backend.add(10, null, 3)
      throw apiError(0, 'We could not reach the store.')
    })
    await store.add({ productId: 10, variantId: null, quantity: 3 })
    expect(store.lines.find(l => l.id === 1)).toMatchObject({ quantity: 5, confirmedQuantity: 5, pending: false })
    expect(store.lastAddition).toMatchObject({ lineId: 1, error: null })
    expect(fake.current.callsTo('/cart/items/', 'POST')).toHaveLength(1)

    // A 2xx whose body could not be read: the addition was made, and counts as made.
    fake.current.on('POST', '/cart/items/', () => {
      backend.add(10, null, 1)
      throw new ApiError({ status: 201, code: 'bad_response', message: 'Unreadable.', fieldErrors: {}, retryable: false })
    })
    await store.add({ productId: 10, variantId: null, quantity: 1 })
    expect(store.lines.find(l => l.id === 1)).toMatchObject({ quantity: 6, pending: false })

    // A gateway's 502, nothing made: a failure, with the cart as the backend holds it.
    fake.current.on('POST', '/cart/items/', apiError(502, 'Bad gateway.'))
    await expect(store.add({ productId: 10, variantId: null, quantity: 1 })).rejects.toMatchObject({ status: 502 })
    expect(store.lines.find(l => l.id === 1)).toMatchObject({ quantity: 6, pending: false })
    expect(store.lastAddition?.error?.status).toBe(502)
    expect(fake.current.callsTo('/cart/', 'GET')).toHaveLength(4)
  })

  it('says an addition is unconfirmed when the answer was lost and the cart was not known before', async () => {
    backend = createCartBackend([])
    fake.current.on('GET', '/cart/', () => backend.dto())
    fake.current.on('POST', '/cart/items/', () => {
      backend.add(30, null, 1)
      throw apiError(504, 'Gateway timeout.')
    })
    vi.stubGlobal('document', { cookie: 'sf_cart=1' })
    const store = useCartStore()
    await expect(store.add({ productId: 30, variantId: null, quantity: 1 })).rejects.toMatchObject({ code: 'unconfirmed', message: expect.stringMatching(/could not confirm/) })
    expect(store.itemCount).toBe(1)
  })

  it('takes a refusal (a 400, a 409) as it is, without reading the cart again', async () => {
    const store = await loadedStore()
    fake.current.on('POST', '/cart/items/', apiError(400, 'Invalid.', { quantity: ['Ensure this value is less than or equal to 99.'] }))
    await expect(store.add({ productId: 10, variantId: null, quantity: 1 })).rejects.toMatchObject({ status: 400 })
    expect(fake.current.callsTo('/cart/', 'GET')).toHaveLength(1)
  })

  it('refuses a quantity outside 1..99 without asking the backend', async () => {
    const store = await loadedStore()
    await expect(store.add({ productId: 30, variantId: null, quantity: 0 })).rejects.toMatchObject({ status: 400, fieldErrors: { quantity: expect.any(Array) } })
    expect(fake.current.callsTo('/cart/items/')).toHaveLength(0)
  })
})

describe('cart store: quantities', () => {
  it('turns ten fast clicks on "+" into two requests and ends at the quantity asked for', async () => {
    const store = await loadedStore()
    backend.lines()[0]!.stock = 50
    // The first click's request goes out before the next click (each click is its own event).
    const clicks = [store.setQuantity(1, 3)]
    expect(await sent(() => patches(1))).toHaveLength(1)
    for (let quantity = 4; quantity <= 12; quantity++) clicks.push(store.setQuantity(1, quantity))
    expect(store.lines[0]).toMatchObject({ quantity: 12, confirmedQuantity: 2, pending: true })
    expect(store.itemCount).toBe(13)
    expect(patches(1)).toHaveLength(1)
    expect(quantityOf(patches(1)[0]!)).toBe(3)
    patches(1)[0]!.resolve(backend.patch(1, 3))
    expect(await sent(() => patches(1), 2)).toHaveLength(2)
    expect(quantityOf(patches(1)[1]!)).toBe(12)
    // The first answer does not pull the screen back to 3.
    expect(store.lines[0]).toMatchObject({ quantity: 12, confirmedQuantity: 3 })
    patches(1)[1]!.resolve(backend.patch(1, 12))
    await Promise.all(clicks)
    expect(patches(1)).toHaveLength(2)
    expect(store.lines[0]).toMatchObject({ quantity: 12, confirmedQuantity: 12, pending: false, lineTotal: { amount: 12000, currency: 'USD' } })
    expect(store.itemCount).toBe(13)
    expect(store.updating).toBe(false)
  })

  it('sends nothing when the clicks end where the backend already is', async () => {
    const store = await loadedStore()
    const plus = store.setQuantity(1, 3)
    const back = [store.setQuantity(1, 4), store.setQuantity(1, 3)]
    ;(await sent(() => patches(1)))[0]!.resolve(backend.patch(1, 3))
    await Promise.all([plus, ...back])
    expect(patches(1)).toHaveLength(1)
    expect(store.lines[0]!.quantity).toBe(3)
  })

  it('rolls a refused change back to what the backend holds, keeps the problem, and drops the clicks queued behind it', async () => {
    const store = await loadedStore()
    const first = store.setQuantity(1, 3)
    await sent(() => patches(1))
    const later = store.setQuantity(1, 4)
    patches(1)[0]!.reject(apiError(503, 'Service temporarily unavailable.'))
    await expect(first).rejects.toMatchObject({ status: 503 })
    await expect(later).rejects.toMatchObject({ status: 503 })
    expect(patches(1)).toHaveLength(1)
    expect(store.lines[0]).toMatchObject({ quantity: 2, pending: false, problem: { wanted: 3, error: { status: 503 } } })
    expect(store.itemCount).toBe(3)
    // After recovery, trying again works and clears the problem.
    fake.current.on('PATCH', '/cart/items/1/', (call: FakeCall) => backend.patch(1, quantityOf(call)))
    await store.setQuantity(1, 3)
    expect(store.lines[0]).toMatchObject({ quantity: 3, confirmedQuantity: 3, problem: null })
  })

  it('clamps a line to the stock on a 409 and keeps saying how many are left', async () => {
    const store = await loadedStore()
    fake.current.on('PATCH', '/cart/items/1/', (call: FakeCall) => backend.patch(1, quantityOf(call)))
    await expect(store.setQuantity(1, 11)).rejects.toMatchObject({ status: 409 })
    await vi.waitFor(() => expect(store.updating).toBe(false))
    expect(patches(1).map(quantityOf)).toEqual([11, 8])
    expect(store.lines[0]).toMatchObject({ quantity: 8, confirmedQuantity: 8, problem: { wanted: 11, error: { status: 409, extras: { available: 8 } } } })
  })

  it('does not clamp above a lower quantity asked for while the refused request was under way', async () => {
    const store = await loadedStore()
    const high = store.setQuantity(1, 11)
    await sent(() => patches(1))
    const lower = store.setQuantity(1, 5)
    patches(1)[0]!.reject(new ApiError({ status: 409, code: 'out_of_stock', message: 'Only 8 left in stock.', fieldErrors: {}, retryable: false, extras: { available: 8 } }))
    await expect(high).rejects.toMatchObject({ status: 409 })
    await sent(() => patches(1), 2)
    expect(quantityOf(patches(1)[1]!)).toBe(5)
    patches(1)[1]!.resolve(backend.patch(1, 5))
    await lower
    expect(store.lines[0]!.quantity).toBe(5)
  })

  it('sends one request at a time across lines, so an older answer never overwrites a newer one', async () => {
    const store = await loadedStore()
    const a = store.setQuantity(1, 3)
    const b = store.setQuantity(2, 2)
    expect(await sent(() => fake.current.calls.filter(c => c.method === 'PATCH'))).toHaveLength(1)
    await settle()
    expect(patches(2)).toHaveLength(0)
    patches(1)[0]!.resolve(backend.patch(1, 3))
    ;(await sent(() => patches(2)))[0]!.resolve(backend.patch(2, 2))
    await Promise.all([a, b])
    expect(store.cart?.lines.map(l => l.quantity)).toEqual([3, 2])
  })
})

describe('cart store: removing', () => {
  it('hides a removed line at once, and brings it back with its problem when refused', async () => {
    const store = await loadedStore()
    const removing = store.remove(2)
    expect(store.lines.map(l => l.id)).toEqual([1])
    expect(store.itemCount).toBe(2)
    ;(await sent(() => fake.current.callsTo('/cart/items/2/', 'DELETE')))[0]!.reject(apiError(503))
    await expect(removing).rejects.toMatchObject({ status: 503 })
    expect(store.lines.map(l => l.id)).toEqual([1, 2])
    expect(store.lines[1]!.problem?.wanted).toBe(0)
  })

  it('takes a 404 on removal as done (a retried DELETE whose first answer was lost), and reloads', async () => {
    const store = await loadedStore()
    fake.current.on('DELETE', '/cart/items/2/', apiError(404, 'Not found.'))
    backend.remove(2)
    await store.remove(2)
    await vi.waitFor(() => expect(store.updating).toBe(false))
    expect(store.lines.map(l => l.id)).toEqual([1])
    expect(fake.current.callsTo('/cart/', 'GET')).toHaveLength(2)
  })

  it('offers no undo for a removal the backend refused, and shows a lost answer\'s removal as the backend holds it', async () => {
    const store = await loadedStore()
    fake.current.on('DELETE', '/cart/items/2/', apiError(400, 'Cannot remove.'))
    await expect(store.remove(2)).rejects.toMatchObject({ status: 400 })
    expect(store.lastRemoved).toBeNull()
    expect(store.lines.map(l => l.id)).toEqual([1, 2])

    // The removal was made; its answer was lost: the cart is read again and the line stays gone.
    fake.current.on('DELETE', '/cart/items/2/', () => {
      backend.remove(2)
      throw apiError(0)
    })
    await expect(store.remove(2)).rejects.toMatchObject({ status: 0 })
    await vi.waitFor(() => expect(store.lines.map(l => l.id)).toEqual([1]))
  })

  it('puts a removed line back once, however often undo is pressed', async () => {
    const store = await loadedStore()
    fake.current.on('DELETE', '/cart/items/2/', () => backend.remove(2))
    fake.current.on('POST', '/cart/items/', (call: FakeCall) => backend.add(20, 201, (call.body as { quantity: number }).quantity, 500, 3))
    await store.remove(2)
    await Promise.all([store.undoRemove(), store.undoRemove()])
    expect(fake.current.callsTo('/cart/items/', 'POST')).toHaveLength(1)
    expect(store.itemCount).toBe(3)
  })

  it('keeps undo on offer when putting the line back failed, and drops it once the product is added again elsewhere', async () => {
    const store = await loadedStore()
    fake.current.on('DELETE', '/cart/items/2/', () => backend.remove(2))
    await store.remove(2)
    fake.current.on('POST', '/cart/items/', apiError(400, 'Invalid.', { product_id: ['Unavailable.'] }))
    await expect(store.undoRemove()).rejects.toMatchObject({ status: 400 })
    expect(store.lastRemoved?.id).toBe(2)
    fake.current.on('POST', '/cart/items/', (call: FakeCall) => backend.add(20, 201, quantityOf(call), 500, 3))
    await store.add({ productId: 20, variantId: 201, quantity: 1 })
    expect(store.lastRemoved).toBeNull()
  })

  it('puts the removed line back with undo', async () => {
    const store = await loadedStore()
    fake.current.on('DELETE', '/cart/items/2/', () => backend.remove(2))
    fake.current.on('POST', '/cart/items/', (call: FakeCall) => backend.add(20, 201, (call.body as { quantity: number }).quantity, 500, 3))
    await store.remove(2)
    expect(store.lastRemoved?.id).toBe(2)
    await store.undoRemove()
    expect(fake.current.callsTo('/cart/items/', 'POST')[0]!.body).toEqual({ product_id: 20, variant_id: 201, quantity: 1 })
    expect(store.itemCount).toBe(3)
    expect(store.lastRemoved).toBeNull()
  })
})

describe('cart store: prices and sign-out', () => {
  it('flags a line whose price changed since this browser first showed it, until the shopper acknowledges it', async () => {
    const store = await loadedStore()
    expect(store.lines[0]!.previousUnitPrice).toBeNull()
    expect(JSON.parse(storage.get('sf-cart-seen-prices')!)).toEqual({ '10:': { amount: 1000, currency: 'USD' }, '20:201': { amount: 500, currency: 'USD' } })
    backend.setPrice(1, 1200)
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
    patches(1)[0]!.resolve(backend.patch(1, 3))
    await change
    expect(store.cart).toBeNull()
    expect(store.itemCount).toBe(0)
    expect(store.lines).toEqual([])
    expect(storage.has('sf-cart-seen-prices')).toBe(false)
  })
})
