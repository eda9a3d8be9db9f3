import { afterAll, describe, expect, it } from 'vitest'
import type { CursorPageDto, OrderDto, ShippingMethodDto } from '../../services/dto'
import { ADDRESS, addToCart, findProduct, registerAndSignIn, simpleProduct } from './support/fixtures'
import type { SignedInUser } from './support/fixtures'
import { assertArrayOf, assertSchema } from './support/schema'
import { contractTarget } from './support/target'

const target = await contractTarget()
const { client } = target
afterAll(() => target.close())

/**
 * GET /shipping-methods/ answered as one list, or in DRF pages when the backend paginates it: the pages followed by
 * `next` to the end, and how many there were.
 */
async function readShippingMethods(): Promise<{ methods: ShippingMethodDto[], pages: number }> {
  const first = (await client.call<ShippingMethodDto[] | CursorPageDto<ShippingMethodDto>>('/shipping-methods/')).body
  if (Array.isArray(first)) return { methods: first, pages: 0 }
  assertSchema('ShippingMethodPage', first)
  const found = [...first.results]
  let next = first.next
  let pages = 1
  for (; next && pages < 50; pages++) {
    const page: CursorPageDto<ShippingMethodDto> = (await client.call<CursorPageDto<ShippingMethodDto>>(next)).body
    assertSchema('ShippingMethodPage', page)
    found.push(...page.results)
    next = page.next
  }
  expect(next).toBeNull()
  return { methods: found, pages }
}

const { methods, pages: methodPages } = await readShippingMethods()
const product = await simpleProduct(client, 4)

function order(user: SignedInUser, key: string | null, body: Record<string, unknown>) {
  return client.call<OrderDto>('/orders/', { method: 'POST', token: user.tokens.access, body, headers: key ? { 'Idempotency-Key': key } : {} })
}

const body = (payment = 'tok_visa') => ({ shipping_address: ADDRESS, shipping_method_id: methods[0]?.id, payment_token: payment })

async function userWithCart(quantity = 1): Promise<SignedInUser> {
  const user = await registerAndSignIn(client)
  await addToCart(client, { product_id: product.id, quantity }, { token: user.tokens.access })
  return user
}

describe('checkout: shipping methods', () => {
  it('GET /shipping-methods/ lists methods with decimal prices, in one list or in pages that chain to the last', () => {
    assertArrayOf('ShippingMethod', methods)
    expect(methods.length).toBeGreaterThan(0)
    expect(new Set(methods.map(m => m.id)).size).toBe(methods.length)
    // The demo's drf-variants profile pages them by number (2 a page), the standard one not.
    if (target.isLocalDemo) expect(methodPages > 1).toBe(process.env.CONTRACT_DEMO_PROFILE === 'drf-variants')
  })
})

describe('checkout: orders', () => {
  it('creates an order from the cart, which is then empty', async () => {
    const user = await userWithCart(2)
    const response = await order(user, crypto.randomUUID(), body())
    expect(response.status).toBe(201)
    assertSchema('Order', response.body)
    expect(response.body.items).toMatchObject([{ product_id: product.id, quantity: 2 }])
    const cart = await client.call<{ items: unknown[] }>('/cart/', { token: user.tokens.access })
    expect(cart.body.items).toEqual([])
    const fetched = await client.call<OrderDto>(`/orders/${response.body.id}/`, { token: user.tokens.access })
    expect(fetched.body).toEqual(response.body)
  })

  it('without an Idempotency-Key: 400', async () => {
    const user = await userWithCart()
    const response = await order(user, null, body())
    expect(response.status).toBe(400)
  })

  it('the same key sent twice concurrently creates one order', async () => {
    const user = await userWithCart()
    const key = crypto.randomUUID()
    const [a, b] = await Promise.all([order(user, key, body()), order(user, key, body())])
    expect([a.status, b.status]).toEqual([201, 201])
    expect(a.body.id).toBe(b.body.id)
    const list = await client.call<CursorPageDto<OrderDto>>('/orders/', { token: user.tokens.access })
    assertSchema('OrderPage', list.body)
    expect(list.body.results.map(o => o.id)).toEqual([a.body.id])
  })

  it('the same key and body later returns the same order', async () => {
    const user = await userWithCart()
    const key = crypto.randomUUID()
    const first = await order(user, key, body())
    const replay = await order(user, key, body())
    expect(replay.status).toBe(201)
    expect(replay.body).toEqual(first.body)
  })

  it('the same key with another body: 409 idempotency_key_reused', async () => {
    const user = await userWithCart()
    const key = crypto.randomUUID()
    expect((await order(user, key, body())).status).toBe(201)
    const reused = await order(user, key, { ...body(), shipping_method_id: methods[methods.length - 1]?.id, payment_token: 'tok_mastercard' })
    expect(reused.status).toBe(409)
    // DRF's default exception handler renders an APIException subclass as `{"detail"}` only (tests/drf-real): no
    // `code` then, and neither an order nor `lines`, which is what tells it from a replay or a stock refusal.
    assertSchema('ErrorDetail', reused.body)
    expect(reused.body).not.toHaveProperty('lines')
    expect(reused.body).not.toHaveProperty('id')
    expect((reused.body as { code?: string }).code ?? 'idempotency_key_reused').toBe('idempotency_key_reused')
  })

  it('a declined card: 402 payment_declined, and the cart is kept', async () => {
    const user = await userWithCart()
    const response = await order(user, crypto.randomUUID(), body('tok_chargeDeclined'))
    expect(response.status).toBe(402)
    assertSchema('ErrorDetail', response.body)
    // The code is the contract's; a DRF APIException subclass sends `detail` only (the status decides).
    expect((response.body as { code?: string }).code ?? 'payment_declined').toBe('payment_declined')
    const cart = await client.call<{ items: unknown[] }>('/cart/', { token: user.tokens.access })
    expect(cart.body.items).toHaveLength(1)
  })

  it('stock is reserved atomically: 409 out_of_stock names the failing line and nothing is reserved', async () => {
    const scarce = await findProduct(client, p => p.variants.length === 0 && p.stock >= 1 && p.stock <= 5 && p.id !== product.id)
    const buyer = await registerAndSignIn(client)
    const rival = await registerAndSignIn(client)
    await addToCart(client, { product_id: product.id, quantity: 1 }, { token: buyer.tokens.access })
    await addToCart(client, { product_id: scarce.id, quantity: scarce.stock }, { token: buyer.tokens.access })
    await addToCart(client, { product_id: scarce.id, quantity: 1 }, { token: rival.tokens.access })
    expect((await order(rival, crypto.randomUUID(), body())).status).toBe(201)

    const stockBefore = (await client.call<{ stock: number }>(`/products/${product.id}/`)).body.stock
    const response = await order(buyer, crypto.randomUUID(), body())
    expect(response.status).toBe(409)
    assertSchema('OutOfStockError', response.body)
    // Numbers, or their digits when DRF rendered an APIException's dict detail (tests/drf-real).
    const lines = ((response.body as { lines?: Record<string, unknown>[] }).lines ?? []).map(line => ({
      product_id: Number(line.product_id), requested: Number(line.requested), available: Number(line.available),
    }))
    expect(response.body).toMatchObject({ code: 'out_of_stock' })
    expect(lines).toEqual([{ product_id: scarce.id, requested: scarce.stock, available: scarce.stock - 1 }])
    expect((await client.call<{ stock: number }>(`/products/${product.id}/`)).body.stock).toBe(stockBefore)
  })

  it('an order of another user is 404', async () => {
    const owner = await userWithCart()
    const created = await order(owner, crypto.randomUUID(), body())
    const stranger = await registerAndSignIn(client)
    expect((await client.call(`/orders/${created.body.id}/`, { token: stranger.tokens.access })).status).toBe(404)
  })

  it('invalid input: nested field errors', async () => {
    const user = await userWithCart()
    const response = await order(user, crypto.randomUUID(), { shipping_address: { ...ADDRESS, city: '' }, shipping_method_id: methods[0]?.id })
    expect(response.status).toBe(400)
    assertSchema('FieldErrors', response.body)
    expect(response.body).toMatchObject({ shipping_address: { city: expect.any(Array) }, payment_token: expect.any(Array) })
  })
})
