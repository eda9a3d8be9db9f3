import { afterAll, describe, expect, it } from 'vitest'
import type { CartDto } from '../../services/dto'
import { addToCart, findProduct, registerAndSignIn, simpleProduct } from './support/fixtures'
import { assertSchema } from './support/schema'
import { contractTarget } from './support/target'

const target = await contractTarget()
const { client } = target
afterAll(() => target.close())

const product = await simpleProduct(client, 3)
/** CartItemCreate / CartItemUpdate: quantity 1..99. */
const MAX_QUANTITY = 99

describe('cart: guest carts', () => {
  it('GET /cart/ without a token answers an empty cart with a token', async () => {
    const response = await client.call<CartDto>('/cart/')
    expect(response.status).toBe(200)
    assertSchema('Cart', response.body)
    expect(response.body.items).toEqual([])
    expect(response.body.token).toBeTruthy()
  })

  // Whether a read stores the empty cart (get_or_create) or nothing until the first write, the client that keeps
  // the token of the latest answer ends up with its items.
  it('GET /cart/ with an unknown token answers an empty cart; the first write answers the token to keep', async () => {
    const unknown = `unknown-${crypto.randomUUID().replace(/-/g, '')}`
    const read = await client.call<CartDto>('/cart/', { headers: { 'X-Cart-Token': unknown } })
    expect(read.status).toBe(200)
    assertSchema('Cart', read.body)
    expect(read.body.items).toEqual([])
    expect(read.headers.get('x-cart-token')).toBe(read.body.token)
    const again = await client.call<CartDto>('/cart/', { headers: { 'X-Cart-Token': read.body.token } })
    expect(again.status).toBe(200)
    expect(again.body.items).toEqual([])

    const written = await addToCart(client, { product_id: product.id, quantity: 1 }, { cartToken: read.body.token })
    const after = await client.call<CartDto>('/cart/', { headers: { 'X-Cart-Token': written.token } })
    expect(after.body.items.map(i => i.product_id)).toEqual([product.id])
    expect(after.body.token).toBe(written.token)
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

  // The serializer checks 1..99 before the view looks at stock: only a product with fewer than 99 in stock can be
  // asked for more than it has in one valid request.
  it('more than the stock is 409 {"code": "out_of_stock", "available": n}', async () => {
    const scarce = await findProduct(client, p => p.variants.length === 0 && p.stock >= 1 && p.stock < MAX_QUANTITY)
    const response = await client.call('/cart/items/', { method: 'POST', body: { product_id: scarce.id, quantity: scarce.stock + 1 } })
    expect(response.status).toBe(409)
    assertSchema('OutOfStockError', response.body)
    expect(response.body).toMatchObject({ code: 'out_of_stock' })
    // A string when raised as DRF's APIException with a dict detail (real DRF 3.14, tests/drf-real).
    expect(Number((response.body as { available: number | string }).available)).toBe(scarce.stock)
  })

  // "Buy again" adds what is left when a line already in the cart cannot take the whole ordered quantity: it reads
  // `available` as the stock, what the cart holds included (never as the room left, which would add too many).
  it('a line already in the cart: more than the stock in all is 409, and `available` is the whole stock', async () => {
    const scarce = await findProduct(client, p => p.variants.length === 0 && p.stock >= 2 && p.stock < MAX_QUANTITY)
    const cart = await addToCart(client, { product_id: scarce.id, quantity: 1 }, {})
    const response = await client.call('/cart/items/', { method: 'POST', body: { product_id: scarce.id, quantity: scarce.stock }, headers: { 'X-Cart-Token': cart.token } })
    expect(response.status).toBe(409)
    expect(Number((response.body as { available: number | string }).available)).toBe(scarce.stock)
  })

  // A product the shop no longer sells (deleted): DRF's PrimaryKeyRelatedField refuses the id (tests/drf-real).
  it('an unknown product is a 400 field error on product_id', async () => {
    const response = await client.call('/cart/items/', { method: 'POST', body: { product_id: 2_000_000_000, quantity: 1 } })
    expect(response.status).toBe(400)
    assertSchema('FieldErrors', response.body)
    expect(response.body).toHaveProperty('product_id')
  })

  it.each([0, MAX_QUANTITY + 1])('quantity %i is a 400 field error on quantity, whatever the stock', async (quantity) => {
    const response = await client.call('/cart/items/', { method: 'POST', body: { product_id: product.id, quantity } })
    expect(response.status).toBe(400)
    assertSchema('FieldErrors', response.body)
    expect(response.body).toHaveProperty('quantity')
  })

  it('PATCH over 99 is a 400 field error on quantity, even with more in stock', async () => {
    const cart = await addToCart(client, { product_id: product.id, quantity: 1 }, {})
    const response = await client.call(`/cart/items/${cart.items[0]?.id}/`, { method: 'PATCH', body: { quantity: MAX_QUANTITY + 1 }, headers: { 'X-Cart-Token': cart.token } })
    expect(response.status).toBe(400)
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
