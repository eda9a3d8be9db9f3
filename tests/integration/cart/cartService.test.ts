import { $fetch } from 'ofetch'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiClient } from '~/composables/core/api/createApiClient'
import { isApiError } from '~/composables/core/api/ApiError'
import { cartService } from '~/services/cartService'
import type { CartProblem } from '~/services/domain/cart'
import { toCartProblem } from '~/services/mappers/cartProblem'
import { startDemoApi, type RunningDemoApi } from '../../mocks/testing/startDemoApi'
import { parseSetCookie, startCartBff, type CartTestBff } from './support/cartBff'

// The cart service on the real transport, through the BFF, against the demo backend: what the cart store will get.

let api: RunningDemoApi
let bff: CartTestBff

beforeAll(async () => {
  api = await startDemoApi({ seedProducts: 60, faults: false })
  bff = await startCartBff(api.url)
})
afterAll(async () => {
  await bff?.close()
  await api?.close()
})

/** A guest browser's transport: same-origin requests with a cookie jar, under the real ofetch and api core. */
function guestCart() {
  const jar = new Map<string, string>()
  const browserFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers)
    headers.set('origin', bff.origin)
    if (jar.size) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '))
    const response = await fetch(input, { ...init, headers })
    for (const cookie of response.headers.getSetCookie().map(parseSetCookie)) {
      if (cookie.value) jar.set(cookie.name, cookie.value)
      else jar.delete(cookie.name)
    }
    return response
  }
  const transport = $fetch.create({}, { fetch: browserFetch })
  return { cart: cartService(createApiClient({ fetch: transport, baseURL: `${bff.origin}/api` })), jar }
}

async function problemOf(promise: Promise<unknown>): Promise<CartProblem> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught)
  if (!isApiError(error)) throw new Error(`expected an ApiError, got ${String(error)}`)
  return toCartProblem(error)
}

function stocked(min: number) {
  return api.backend.db.products.find(p => !p.variants && p.stock >= min && p.stock < 99)!
}

describe('cart service through the BFF', () => {
  it('adds, changes and removes lines, answering with the backend\'s cart in domain terms', async () => {
    const { cart, jar } = guestCart()
    expect(await cart.get()).toMatchObject({ lines: [], itemCount: 0, mergePending: false })

    const product = stocked(5)
    const added = await cart.addLine({ productId: product.id, quantity: 2 })
    expect(added.itemCount).toBe(2)
    const line = added.lines[0]!
    expect(line).toMatchObject({ productId: product.id, variantId: null, quantity: 2, title: product.title })
    expect(line.lineTotal.amount).toBe(line.unitPrice.amount * 2)
    expect(added.subtotal).toEqual(line.lineTotal)
    expect(jar.has('sf_cart_token')).toBe(true)

    const changed = await cart.setQuantity(line.id, 4)
    expect(changed.lines[0]!.quantity).toBe(4)
    expect((await cart.get()).itemCount).toBe(4)

    const emptied = await cart.removeLine(line.id)
    expect(emptied).toMatchObject({ lines: [], itemCount: 0 })
    expect(jar.has('sf_cart')).toBe(false)
  })

  it('says "only N left" when asked for more than the stock, and the cart is unchanged', async () => {
    const { cart } = guestCart()
    const product = stocked(3)
    const { lines } = await cart.addLine({ productId: product.id, quantity: 1 })
    expect(await problemOf(cart.setQuantity(lines[0]!.id, product.stock + 1)))
      .toEqual({ kind: 'out-of-stock', available: product.stock, message: `Only ${product.stock} left in stock, so your cart can hold at most ${product.stock}.` })
    expect(await problemOf(cart.addLine({ productId: product.id, quantity: product.stock })))
      .toMatchObject({ kind: 'out-of-stock', available: product.stock })
    expect((await cart.get()).lines[0]!.quantity).toBe(1)
  })

  it('explains a quantity the backend refuses, and a line that is gone', async () => {
    const { cart } = guestCart()
    const { lines } = await cart.addLine({ productId: stocked(2).id })
    expect(await problemOf(cart.setQuantity(lines[0]!.id, 100))).toEqual({ kind: 'invalid-quantity', max: 99, message: 'Please choose a quantity from 1 to 99.' })
    expect(await problemOf(cart.setQuantity(lines[0]!.id, 0))).toMatchObject({ kind: 'invalid-quantity', message: 'Please choose a quantity from 1 to 99.' })
    await cart.removeLine(lines[0]!.id)
    expect(await problemOf(cart.setQuantity(lines[0]!.id, 2))).toMatchObject({ kind: 'line-gone' })
  })
})
