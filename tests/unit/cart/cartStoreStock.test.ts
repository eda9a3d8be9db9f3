import { describe, expect, it, vi } from 'vitest'
import { cartErrorMessage } from '~/composables/cart/cartErrorMessage'
import { ApiError } from '~/composables/core/api/ApiError'
import { apiError, type FakeCall } from '../../support/fakeApi'
import { deferred } from '../../support/promises'
import { quantityOf, sent, useCartStoreHarness } from './support/cartStoreHarness'

// A quantity above the stock the cart knows for a line is never sent as asked, whoever asks (the stepper, a typed
// number): the store holds it to that stock and says so on the line. An increase reads the stock first (it may have
// risen since the cart was read), once; a decrease never waits for that. Harness: support/cartStoreHarness.ts
// (line 1: product 10, 2 in the cart, 8 in stock).
const cart = useCartStoreHarness()
const { loadedStore, patches } = cart
const reads = () => cart.fake.callsTo('/cart/', 'GET').length

/** PATCHes answered as the backend would (a 409 with `available` above its stock). */
function backendAnswersPatches(): void {
  cart.fake.on('PATCH', '/cart/items/1/', (call: FakeCall) => cart.backend.patch(1, quantityOf(call)))
}

describe('cart store: held to the stock it knows', () => {
  it('reads the stock once for an increase above it, then sends the stock and says how many are left', async () => {
    const store = await loadedStore()
    backendAnswersPatches()
    const before = reads()
    const asked = store.setQuantity(1, 11)
    // Shown held to the stock while it is read: never a number the stock is likely to refuse.
    expect(store.lines[0]).toMatchObject({ quantity: 8, pending: true })
    await expect(asked).rejects.toMatchObject({ status: 409, extras: { available: 8 } })
    expect(reads()).toBe(before + 1)
    expect(patches(1).map(quantityOf)).toEqual([8])
    expect(store.lines[0]).toMatchObject({ quantity: 8, confirmedQuantity: 8, pending: false, problem: { wanted: 11 } })
    expect(cartErrorMessage(store.lines[0]!.problem!.error)).toBe('Only 8 left in stock, so your cart can hold at most 8.')
  })

  it('refuses more at once while that refusal is shown, and after "Dismiss" reads the stock again', async () => {
    const store = await loadedStore()
    backendAnswersPatches()
    await store.setQuantity(1, 8)
    await expect(store.setQuantity(1, 9)).rejects.toMatchObject({ status: 409 })
    const after = reads()
    // Pressing "+" again at the limit: the stock was just read, no request.
    await expect(store.setQuantity(1, 9)).rejects.toMatchObject({ status: 409, extras: { available: 8 } })
    await expect(store.setQuantity(1, 10)).rejects.toMatchObject({ status: 409 })
    expect(reads()).toBe(after)
    expect(patches(1).map(quantityOf)).toEqual([8])
    expect(store.lines[0]).toMatchObject({ quantity: 8, problem: { wanted: 10 } })
    store.dismissProblem(1)
    await expect(store.setQuantity(1, 9)).rejects.toMatchObject({ status: 409 })
    expect(reads()).toBe(after + 1)
  })

  it('reaches a stock that rose since the cart was read, with one read for a burst of asks', async () => {
    const store = await loadedStore()
    backendAnswersPatches()
    cart.backend.lines()[0]!.stock = 20
    const before = reads()
    const asks = [9, 10, 11].map(quantity => store.setQuantity(1, quantity))
    expect(store.lines[0]!.quantity).toBe(8)
    await Promise.all(asks)
    expect(reads()).toBe(before + 1)
    expect(patches(1).map(quantityOf)).toEqual([11])
    expect(store.lines[0]).toMatchObject({ quantity: 11, confirmedQuantity: 11, available: 20, problem: null })
  })

  it('gives an ask made while the stock is being read that read, not another one', async () => {
    const store = await loadedStore()
    backendAnswersPatches()
    cart.backend.lines()[0]!.stock = 20
    const answer = deferred()
    cart.fake.on('GET', '/cart/', async () => {
      await answer.promise
      return cart.backend.dto()
    })
    const before = reads()
    const first = store.setQuantity(1, 9)
    await sent(() => cart.fake.callsTo('/cart/', 'GET'), before + 1)
    // The read is under way: the next "+" waits its turn.
    const second = store.setQuantity(1, 10)
    answer.resolve()
    await Promise.all([first, second])
    expect(reads()).toBe(before + 1)
    expect(patches(1).map(quantityOf)).toEqual([10])
    expect(store.lines[0]).toMatchObject({ quantity: 10, confirmedQuantity: 10, problem: null })
  })

  it('never holds a decrease back: a line above a stock that fell goes down to it at once, and "+" there never lowers it', async () => {
    const store = await loadedStore()
    backendAnswersPatches()
    cart.backend.lines()[0]!.quantity = 5
    cart.backend.lines()[0]!.stock = 2
    await store.refresh()
    const before = reads()
    // "+" on a line above its stock: the stock is read, and the line keeps its quantity.
    await expect(store.setQuantity(1, 6)).rejects.toMatchObject({ status: 409, extras: { available: 2 } })
    expect(reads()).toBe(before + 1)
    expect(patches(1)).toHaveLength(0)
    expect(store.lines[0]).toMatchObject({ quantity: 5, pending: false })
    // "−" (5 → 4): down to the stock at once, no read first.
    const lower = store.setQuantity(1, 4)
    expect(store.lines[0]!.quantity).toBe(2)
    await expect(lower).rejects.toMatchObject({ status: 409, extras: { available: 2 } })
    expect(reads()).toBe(before + 1)
    expect(patches(1).map(quantityOf)).toEqual([2])
    expect(store.lines[0]).toMatchObject({ quantity: 2, confirmedQuantity: 2, inStock: true })
  })

  it('holds an increase to the stock it knows when the stock cannot be read', async () => {
    const store = await loadedStore()
    backendAnswersPatches()
    cart.fake.on('GET', '/cart/', apiError(503, 'Service temporarily unavailable.'))
    await expect(store.setQuantity(1, 11)).rejects.toMatchObject({ status: 409, extras: { available: 8 } })
    expect(patches(1).map(quantityOf)).toEqual([8])
    expect(store.lines[0]).toMatchObject({ quantity: 8, confirmedQuantity: 8 })
    // Not read: the next ask tries to read it again.
    cart.fake.on('GET', '/cart/', () => cart.backend.dto())
    const before = reads()
    await expect(store.setQuantity(1, 9)).rejects.toMatchObject({ status: 409 })
    await vi.waitFor(() => expect(reads()).toBe(before + 1))
  })
})

describe('cart store: the stock an addition was refused for', () => {
  /** POSTs answered as the backend would: a 409 with `available` when the cart's units and the addition exceed it. */
  function backendAnswersAdditions(): void {
    cart.fake.on('POST', '/cart/items/', (call: FakeCall) => {
      const body = call.body as { product_id: number, variant_id?: number | null, quantity: number }
      return cart.backend.add(body.product_id, body.variant_id ?? null, body.quantity)
    })
  }

  it('holds the line to the stock the refusal said, without reading the cart: the stepper sends no more than it', async () => {
    const store = await loadedStore()
    backendAnswersPatches()
    backendAnswersAdditions()
    cart.backend.lines()[0]!.stock = 3
    const before = reads()
    await expect(store.add({ productId: 10, variantId: null, quantity: 2 })).rejects.toMatchObject({ status: 409, extras: { available: 3 } })
    expect(reads(), 'the refusal said it: nothing to read').toBe(before)
    expect(store.lines[0]).toMatchObject({ quantity: 2, available: 3, inStock: true, problem: null })
    expect(store.cart?.itemCount, 'nothing was added').toBe(3)

    // "+" to 5: beyond the stock known now, so never sent as asked (with the cart's older stock, 8, it was).
    await expect(store.setQuantity(1, 5)).rejects.toMatchObject({ status: 409, extras: { available: 3 } })
    expect(patches(1).map(quantityOf)).toEqual([3])
    expect(store.lines[0]).toMatchObject({ quantity: 3, confirmedQuantity: 3, available: 3 })
  })

  it('a line above the stock said is out of stock; the refusal of another variant leaves the line alone', async () => {
    const store = await loadedStore()
    backendAnswersAdditions()
    cart.backend.lines()[0]!.stock = 1
    await expect(store.add({ productId: 10, variantId: null, quantity: 1 })).rejects.toMatchObject({ status: 409, extras: { available: 1 } })
    expect(store.lines[0]).toMatchObject({ quantity: 2, available: 1, inStock: false })

    // DRF renders a dict detail's values as strings: {"available": "0"}.
    cart.fake.on('POST', '/cart/items/', new ApiError({ status: 409, code: 'out_of_stock', message: 'Out of stock.', fieldErrors: {}, retryable: false, extras: { available: '0' } }))
    await expect(store.add({ productId: 20, variantId: 202, quantity: 1 })).rejects.toMatchObject({ status: 409 })
    expect(store.lines[1]).toMatchObject({ variantId: 201, available: 3, inStock: true })
    await expect(store.add({ productId: 20, variantId: 201, quantity: 1 })).rejects.toMatchObject({ status: 409 })
    expect(store.lines[1]).toMatchObject({ variantId: 201, quantity: 1, available: 0, inStock: false })
  })
})
