import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '~/composables/core/api/ApiError'
import { apiError, type FakeCall } from '../../support/fakeApi'
import { deferred, settle } from '../../support/promises'
import { quantityOf, sent, useCartStoreHarness } from './support/cartStoreHarness'

// Changing a line's quantity (fast clicks coalesced, one request at a time, refusals rolled back or clamped) and
// removing it (at once, with undo). Harness: support/cartStoreHarness.ts.
const cart = useCartStoreHarness()
const { loadedStore, patches } = cart

describe('cart store: quantities', () => {
  it('turns ten fast clicks on "+" into two requests and ends at the quantity asked for', async () => {
    // The stock the store knows: above it, asks are held to it (cartStoreStock.test.ts).
    const store = cart.guestStore()
    cart.backend.lines()[0]!.stock = 50
    await store.ensureLoaded()
    // The first click's request goes out before the next click (each click is its own event).
    const clicks = [store.setQuantity(1, 3)]
    expect(await sent(() => patches(1))).toHaveLength(1)
    for (let quantity = 4; quantity <= 12; quantity++) clicks.push(store.setQuantity(1, quantity))
    expect(store.lines[0]).toMatchObject({ quantity: 12, confirmedQuantity: 2, pending: true })
    expect(store.itemCount).toBe(13)
    expect(patches(1)).toHaveLength(1)
    expect(quantityOf(patches(1)[0]!)).toBe(3)
    patches(1)[0]!.resolve(cart.backend.patch(1, 3))
    expect(await sent(() => patches(1), 2)).toHaveLength(2)
    expect(quantityOf(patches(1)[1]!)).toBe(12)
    // The first answer does not pull the screen back to 3.
    expect(store.lines[0]).toMatchObject({ quantity: 12, confirmedQuantity: 3 })
    patches(1)[1]!.resolve(cart.backend.patch(1, 12))
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
    ;(await sent(() => patches(1)))[0]!.resolve(cart.backend.patch(1, 3))
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
    cart.fake.on('PATCH', '/cart/items/1/', (call: FakeCall) => cart.backend.patch(1, quantityOf(call)))
    await store.setQuantity(1, 3)
    expect(store.lines[0]).toMatchObject({ quantity: 3, confirmedQuantity: 3, problem: null })
  })

  it('clamps a line to the stock on a 409 and keeps saying how many are left', async () => {
    const store = await loadedStore()
    // The stock fell after the cart was read (the store still knows 8): the backend decides.
    cart.backend.lines()[0]!.stock = 6
    cart.fake.on('PATCH', '/cart/items/1/', (call: FakeCall) => cart.backend.patch(1, quantityOf(call)))
    await expect(store.setQuantity(1, 7)).rejects.toMatchObject({ status: 409 })
    await vi.waitFor(() => expect(store.updating).toBe(false))
    expect(patches(1).map(quantityOf)).toEqual([7, 6])
    expect(store.lines[0]).toMatchObject({ quantity: 6, confirmedQuantity: 6, problem: { wanted: 7, error: { status: 409, extras: { available: 6 } } } })
  })

  it('does not clamp above a lower quantity asked for while the refused request was under way', async () => {
    const store = await loadedStore()
    // Within the stock the store knows (8); the backend has 6 left now.
    const high = store.setQuantity(1, 7)
    await sent(() => patches(1))
    const lower = store.setQuantity(1, 5)
    patches(1)[0]!.reject(new ApiError({ status: 409, code: 'out_of_stock', message: 'Only 6 left in stock.', fieldErrors: {}, retryable: false, extras: { available: 6 } }))
    await expect(high).rejects.toMatchObject({ status: 409 })
    await sent(() => patches(1), 2)
    expect(quantityOf(patches(1)[1]!)).toBe(5)
    patches(1)[1]!.resolve(cart.backend.patch(1, 5))
    await lower
    expect(store.lines[0]!.quantity).toBe(5)
  })

  it('sends one request at a time across lines, so an older answer never overwrites a newer one', async () => {
    const store = await loadedStore()
    const a = store.setQuantity(1, 3)
    const b = store.setQuantity(2, 2)
    expect(await sent(() => cart.fake.calls.filter(c => c.method === 'PATCH'))).toHaveLength(1)
    await settle()
    expect(patches(2)).toHaveLength(0)
    patches(1)[0]!.resolve(cart.backend.patch(1, 3))
    ;(await sent(() => patches(2)))[0]!.resolve(cart.backend.patch(2, 2))
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
    ;(await sent(() => cart.fake.callsTo('/cart/items/2/', 'DELETE')))[0]!.reject(apiError(503))
    await expect(removing).rejects.toMatchObject({ status: 503 })
    expect(store.lines.map(l => l.id)).toEqual([1, 2])
    expect(store.lines[1]!.problem?.wanted).toBe(0)
  })

  it('takes a 404 on removal as done (a retried DELETE whose first answer was lost), and reloads', async () => {
    const store = await loadedStore()
    cart.fake.on('DELETE', '/cart/items/2/', apiError(404, 'Not found.'))
    cart.backend.remove(2)
    await store.remove(2)
    await vi.waitFor(() => expect(store.updating).toBe(false))
    expect(store.lines.map(l => l.id)).toEqual([1])
    expect(cart.fake.callsTo('/cart/', 'GET')).toHaveLength(2)
  })

  it('offers no undo for a removal the backend refused, and shows a lost answer\'s removal as the backend holds it', async () => {
    const store = await loadedStore()
    cart.fake.on('DELETE', '/cart/items/2/', apiError(400, 'Cannot remove.'))
    await expect(store.remove(2)).rejects.toMatchObject({ status: 400 })
    expect(store.lastRemoved).toBeNull()
    expect(store.lines.map(l => l.id)).toEqual([1, 2])

    // The removal was made; its answer was lost: the cart is read again, and says it was removed.
    cart.fake.on('DELETE', '/cart/items/2/', () => {
      cart.backend.remove(2)
      throw apiError(0)
    })
    await store.remove(2)
    expect(store.lines.map(l => l.id)).toEqual([1])
  })

  it('puts a removed line back once, however often undo is pressed', async () => {
    const store = await loadedStore()
    cart.fake.on('DELETE', '/cart/items/2/', () => cart.backend.remove(2))
    cart.fake.on('POST', '/cart/items/', (call: FakeCall) => cart.backend.add(20, 201, (call.body as { quantity: number }).quantity, 500, 3))
    await store.remove(2)
    await Promise.all([store.undoRemove(), store.undoRemove()])
    expect(cart.fake.callsTo('/cart/items/', 'POST')).toHaveLength(1)
    expect(store.itemCount).toBe(3)
  })

  it('keeps undo on offer when putting the line back failed, and drops it once the product is added again elsewhere', async () => {
    const store = await loadedStore()
    cart.fake.on('DELETE', '/cart/items/2/', () => cart.backend.remove(2))
    await store.remove(2)
    cart.fake.on('POST', '/cart/items/', apiError(400, 'Invalid.', { product_id: ['Unavailable.'] }))
    await expect(store.undoRemove()).rejects.toMatchObject({ status: 400 })
    expect(store.lastRemoved?.id).toBe(2)
    cart.fake.on('POST', '/cart/items/', (call: FakeCall) => cart.backend.add(20, 201, quantityOf(call), 500, 3))
    await store.add({ productId: 20, variantId: 201, quantity: 1 })
    expect(store.lastRemoved).toBeNull()
  })

  it('offers undo no more when putting the line back may have worked (a lost answer, the cart unreadable)', async () => {
    const store = await loadedStore()
    cart.fake.on('DELETE', '/cart/items/2/', () => cart.backend.remove(2))
    await store.remove(2)
    cart.fake.on('POST', '/cart/items/', () => {
      cart.backend.add(20, 201, 1, 500, 3)
      throw apiError(0, 'We could not reach the store.')
    })
    cart.fake.on('GET', '/cart/', apiError(0, 'We could not reach the store.'))
    await expect(store.undoRemove()).rejects.toMatchObject({ code: 'unconfirmed' })
    // A second "Undo" would put it in twice.
    expect(store.lastRemoved).toBeNull()
    await store.undoRemove()
    expect(cart.fake.callsTo('/cart/items/', 'POST')).toHaveLength(1)
  })

  it('puts the removed line back with undo', async () => {
    const store = await loadedStore()
    cart.fake.on('DELETE', '/cart/items/2/', () => cart.backend.remove(2))
    cart.fake.on('POST', '/cart/items/', (call: FakeCall) => cart.backend.add(20, 201, (call.body as { quantity: number }).quantity, 500, 3))
    await store.remove(2)
    expect(store.lastRemoved?.id).toBe(2)
    await store.undoRemove()
    expect(cart.fake.callsTo('/cart/items/', 'POST')[0]!.body).toEqual({ product_id: 20, variant_id: 201, quantity: 1 })
    expect(store.itemCount).toBe(3)
    expect(store.lastRemoved).toBeNull()
  })
})

describe('cart store: a quantity or removal whose answer was lost', () => {
  /** The next reads of the cart wait for the test; a read's answer is the backend's cart when it is released. */
  function holdReads() {
    const held = deferred()
    cart.fake.on('GET', '/cart/', async () => {
      await held.promise
      return cart.backend.dto()
    })
    return held
  }
  function outcomeOf(promise: Promise<void>) {
    const outcome = { settled: false }
    promise.then(() => (outcome.settled = true), () => (outcome.settled = true))
    return outcome
  }

  it('says a removal that was made is done, once the cart read says so, without the line coming back meanwhile', async () => {
    const store = await loadedStore()
    cart.fake.on('DELETE', '/cart/items/2/', () => {
      cart.backend.remove(2)
      throw apiError(0, 'We could not reach the store.')
    })
    const read = holdReads()
    const removing = store.remove(2)
    const outcome = outcomeOf(removing)
    await sent(() => cart.fake.callsTo('/cart/', 'GET'), 2)
    await settle()
    expect(outcome.settled).toBe(false)
    expect(store.lines.map(l => l.id)).toEqual([1])
    read.resolve()
    await removing
    expect(store.lines.map(l => l.id)).toEqual([1])
    expect(store.problems).toEqual({})
    expect(store.lastRemoved?.id).toBe(2)
    expect(store.acceptedChanges).toBe(1)
  })

  it('brings a removal that was not made back with its problem only once the cart read says so', async () => {
    const store = await loadedStore()
    cart.fake.on('DELETE', '/cart/items/2/', apiError(503, 'Service temporarily unavailable.'))
    const read = holdReads()
    const removing = store.remove(2)
    const outcome = outcomeOf(removing)
    await sent(() => cart.fake.callsTo('/cart/', 'GET'), 2)
    await settle()
    expect(outcome.settled).toBe(false)
    expect(store.lines.map(l => l.id)).toEqual([1])
    read.resolve()
    await expect(removing).rejects.toMatchObject({ status: 503 })
    expect(store.lines.map(l => l.id)).toEqual([1, 2])
    expect(store.lines[1]!.problem).toMatchObject({ wanted: 0, error: { status: 503 } })
    expect(store.lastRemoved).toBeNull()
    expect(cart.fake.callsTo('/cart/', 'GET')).toHaveLength(2)
  })

  it('calls a lost removal unconfirmed when the cart cannot be read either, and "Try again" settles it', async () => {
    const store = await loadedStore()
    cart.fake.on('DELETE', '/cart/items/2/', () => {
      cart.backend.remove(2)
      throw apiError(0, 'We could not reach the store.')
    })
    cart.fake.on('GET', '/cart/', apiError(503, 'Service temporarily unavailable.'), () => cart.backend.dto())
    await expect(store.remove(2)).rejects.toMatchObject({ code: 'unconfirmed', message: 'We could not confirm it was removed.' })
    expect(store.lines.map(l => l.id)).toEqual([1, 2])
    expect(store.lines[1]!.problem).toMatchObject({ wanted: 0, error: { code: 'unconfirmed' } })
    // The cart is maybe out of date, and "Undo" could put it in once more than the backend holds.
    expect(store.error).toMatchObject({ status: 503 })
    expect(store.lastRemoved).toBeNull()

    // "Try again": the line is already gone at the backend (404, counted as removed).
    cart.fake.on('DELETE', '/cart/items/2/', apiError(404, 'Not found.'))
    await store.remove(2)
    await vi.waitFor(() => expect(store.updating).toBe(false))
    expect(store.lines.map(l => l.id)).toEqual([1])
    expect(store.error).toBeNull()
  })

  it('keeps a quantity change that was made, showing it while the cart is read', async () => {
    const store = await loadedStore()
    cart.fake.on('PATCH', '/cart/items/1/', () => {
      cart.backend.patch(1, 3)
      throw apiError(504, 'Gateway timeout.')
    })
    const read = holdReads()
    const changing = store.setQuantity(1, 3)
    const outcome = outcomeOf(changing)
    await sent(() => cart.fake.callsTo('/cart/', 'GET'), 2)
    await settle()
    expect(outcome.settled).toBe(false)
    expect(store.lines[0]).toMatchObject({ quantity: 3, confirmedQuantity: 2, pending: true, problem: null })
    read.resolve()
    await changing
    expect(store.lines[0]).toMatchObject({ quantity: 3, confirmedQuantity: 3, pending: false, problem: null })
  })

  it('shows the quantity the cart read finds when the change was not made, with its problem', async () => {
    const store = await loadedStore()
    cart.fake.on('PATCH', '/cart/items/1/', () => {
      // Another device set it meanwhile; this change never reached the backend.
      cart.backend.patch(1, 5)
      throw apiError(503, 'Service temporarily unavailable.')
    })
    const read = holdReads()
    const changing = store.setQuantity(1, 3)
    const outcome = outcomeOf(changing)
    await sent(() => cart.fake.callsTo('/cart/', 'GET'), 2)
    await settle()
    expect(outcome.settled).toBe(false)
    expect(store.lines[0]).toMatchObject({ quantity: 3, pending: true, problem: null })
    read.resolve()
    await expect(changing).rejects.toMatchObject({ status: 503 })
    expect(store.lines[0]).toMatchObject({ quantity: 5, confirmedQuantity: 5, pending: false, problem: { wanted: 3, error: { status: 503 } } })
  })

  it('calls a lost quantity change unconfirmed when the cart cannot be read either', async () => {
    const store = await loadedStore()
    cart.fake.on('PATCH', '/cart/items/1/', () => {
      cart.backend.patch(1, 3)
      throw apiError(0, 'We could not reach the store.')
    })
    cart.fake.on('GET', '/cart/', apiError(0, 'We could not reach the store.'))
    await expect(store.setQuantity(1, 3)).rejects.toMatchObject({ code: 'unconfirmed', message: 'We could not confirm the quantity was changed to 3.' })
    expect(store.lines[0]).toMatchObject({ quantity: 2, pending: false, problem: { wanted: 3, error: { code: 'unconfirmed' } } })
    expect(store.error).toMatchObject({ code: 'network_error' })
  })
})
