import { afterAll, describe, expect, it } from 'vitest'
import type { CartDto } from '../../services/dto'
import { addToCart, findProduct, registerAndSignIn, simpleProduct } from './support/fixtures'
import { assertSchema } from './support/schema'
import { contractTarget } from './support/target'

const target = await contractTarget()
const { client } = target
afterAll(() => target.close())

const product = await simpleProduct(client, 3)

describe('cart: guest carts', () => {
  it('GET /cart/ without a token answers an empty cart with a token', async () => {
    const response = await client.call<CartDto>('/cart/')
    expect(response.status).toBe(200)
    assertSchema('Cart', response.body)
    expect(response.body.items).toEqual([])
    expect(response.body.token).toBeTruthy()
  })

  it('adding an item creates a guest cart named by X-Cart-Token', async () => {
    const cart = await addToCart(client, { product_id: product.id, quantity: 2 }, {})
    assertSchema('Cart', cart)
    expect(cart.items).toHaveLength(1)
    expect(cart.items[0]?.quantity).toBe(2)
    expect(cart.subtotal).toBe((Number(product.price) * 2).toFixed(2))
    const again = await client.call<CartDto>('/cart/', { headers: { 'X-Cart-Token': cart.token } })
    expect(again.body.items.map(i => i.product_id)).toEqual([product.id])
  })

  it('adding the same product again adds to the quantity', async () => {
    const first = await addToCart(client, { product_id: product.id, quantity: 1 }, {})
    const second = await addToCart(client, { product_id: product.id, quantity: 1 }, { cartToken: first.token })
    expect(second.items).toHaveLength(1)
    expect(second.items[0]?.quantity).toBe(2)
  })

  it('PATCH changes the quantity and DELETE removes the line', async () => {
    const cart = await addToCart(client, { product_id: product.id, quantity: 1 }, {})
    const headers = { 'X-Cart-Token': cart.token }
    const line = cart.items[0]?.id
    const patched = await client.call<CartDto>(`/cart/items/${line}/`, { method: 'PATCH', body: { quantity: 3 }, headers })
    expect(patched.status).toBe(200)
    expect(patched.body.items[0]?.quantity).toBe(3)
    const removed = await client.call<CartDto>(`/cart/items/${line}/`, { method: 'DELETE', headers })
    expect(removed.status).toBe(200)
    expect(removed.body.items).toEqual([])
  })

  it('a line of another cart is 404', async () => {
    const mine = await addToCart(client, { product_id: product.id, quantity: 1 }, {})
    const other = await client.call(`/cart/items/${mine.items[0]?.id}/`, { method: 'PATCH', body: { quantity: 2 }, headers: { 'X-Cart-Token': 'someone-elses-token-1234' } })
    expect(other.status).toBe(404)
  })

  it('more than the stock is 409 {"code": "out_of_stock", "available": n}', async () => {
    const response = await client.call('/cart/items/', { method: 'POST', body: { product_id: product.id, quantity: product.stock + 1 } })
    expect(response.status).toBe(409)
    assertSchema('OutOfStockError', response.body)
    expect(response.body).toMatchObject({ code: 'out_of_stock', available: product.stock })
  })

  it('invalid input is a field error', async () => {
    const response = await client.call('/cart/items/', { method: 'POST', body: { product_id: product.id, quantity: 0 } })
    expect(response.status).toBe(400)
    assertSchema('FieldErrors', response.body)
    expect(response.body).toHaveProperty('quantity')
  })

  it('a product with variants takes a variant_id', async () => {
    const withVariants = await findProduct(client, p => p.variants.filter(v => v.in_stock).length > 1)
    const variant = withVariants.variants.filter(v => v.in_stock)[1]
    const cart = await addToCart(client, { product_id: withVariants.id, variant_id: variant?.id, quantity: 1 }, {})
    expect(cart.items[0]?.variant_id).toBe(variant?.id)
    expect(cart.items[0]?.unit_price).toBe(variant?.price)
  })
})

describe('cart: signed in', () => {
  it('merge moves the guest cart into the user cart, adding quantities', async () => {
    const { tokens } = await registerAndSignIn(client)
    await addToCart(client, { product_id: product.id, quantity: 1 }, { token: tokens.access })
    const guest = await addToCart(client, { product_id: product.id, quantity: 1 }, {})
    const merged = await client.call<CartDto>('/cart/merge/', { method: 'POST', token: tokens.access, body: { token: guest.token } })
    expect(merged.status).toBe(200)
    assertSchema('Cart', merged.body)
    expect(merged.body.items).toHaveLength(1)
    expect(merged.body.items[0]?.quantity).toBe(2)
    const mine = await client.call<CartDto>('/cart/', { token: tokens.access })
    expect(mine.body.items[0]?.quantity).toBe(2)
    const guestAfter = await client.call<CartDto>('/cart/', { headers: { 'X-Cart-Token': guest.token } })
    expect(guestAfter.body.items).toEqual([])
  })

  it('merge requires authentication', async () => {
    const response = await client.call('/cart/merge/', { method: 'POST', body: { token: 'whatever-token-123456' } })
    expect(response.status).toBe(401)
  })

  it('the user cart ignores X-Cart-Token and follows the user', async () => {
    const { tokens } = await registerAndSignIn(client)
    await addToCart(client, { product_id: product.id, quantity: 1 }, { token: tokens.access })
    const response = await client.call<CartDto>('/cart/', { token: tokens.access, headers: { 'X-Cart-Token': 'unrelated-token-1234567' } })
    expect(response.body.items.map(i => i.product_id)).toEqual([product.id])
  })
})
