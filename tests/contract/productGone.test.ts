import { afterAll, describe, expect, it } from 'vitest'
import type { CartDto, CursorPageDto, ProductDetailDto, WishlistItemDto } from '../../services/dto'
import { addToCart, findProduct, registerAndSignIn } from './support/fixtures'
import { assertSchema } from './support/schema'
import { contractTarget } from './support/target'

// What a cart and a wishlist answer after the shop deletes a product they hold. Deleting needs a test-only
// `DELETE /__products/{id}/` (the demo's, or the real-DRF shop's with DRF_REAL_TEST_PRODUCTS=1, which run.sh runs
// this file against alone, after the others: a product other files use is not deleted under them).
const target = await contractTarget()
const { client } = target
afterAll(() => target.close())
const canDelete = target.hasDemoEndpoints || process.env.CONTRACT_DELETE_PRODUCTS === '1'

/** Two simple in-stock products, cheapest first: far from the newest ones the other files order (an order protects its products). */
async function twoProducts(): Promise<[ProductDetailDto, ProductDetailDto]> {
  const first = await findProduct(client, p => p.variants.length === 0 && p.stock >= 2, 'in_stock=true&page_size=100&ordering=price')
  const second = await findProduct(client, p => p.id !== first.id && p.variants.length === 0 && p.stock >= 2, 'in_stock=true&page_size=100&ordering=price')
  return [first, second]
}

describe('a product deleted while in carts and a wishlist', () => {
  it.runIf(canDelete)('its lines and entry are left out of the next answers, with no word of it; the product is 404 and cannot be added again', async () => {
    const [gone, kept] = await twoProducts()
    const { tokens } = await registerAndSignIn(client)
    const token = tokens.access
    await addToCart(client, { product_id: gone.id, quantity: 2 }, { token })
    const before = await addToCart(client, { product_id: kept.id, quantity: 1 }, { token })
    const goneLine = before.items.find(item => item.product_id === gone.id)
    expect(goneLine).toBeDefined()
    const guest = await addToCart(client, { product_id: gone.id, quantity: 1 }, {})
    for (const product of [gone, kept]) expect((await client.call('/wishlist/', { method: 'POST', token, body: { product_id: product.id } })).status).toBe(201)

    expect((await client.call(`/__products/${gone.id}/`, { method: 'DELETE' })).status).toBe(204)

    // The line is dropped, not kept as unavailable: the cart is what is left, its count and subtotal without it.
    const cart = await client.call<CartDto>('/cart/', { token })
    expect(cart.status).toBe(200)
    assertSchema('Cart', cart.body)
    expect(cart.body.items.map(item => item.product_id)).toEqual([kept.id])
    expect(cart.body.items_count).toBe(1)
    expect(Number(cart.body.subtotal)).toBeCloseTo(Number(kept.price), 2)
    const guestCart = await client.call<CartDto>('/cart/', { headers: { 'X-Cart-Token': guest.token } })
    expect(guestCart.status).toBe(200)
    expect(guestCart.body.items).toEqual([])

    const wishlist = await client.call<CursorPageDto<WishlistItemDto>>('/wishlist/', { token })
    expect(wishlist.status).toBe(200)
    assertSchema('WishlistPage', wishlist.body)
    expect(wishlist.body.results.map(entry => entry.product.id)).toEqual([kept.id])

    expect((await client.call(`/products/${gone.id}/`)).status).toBe(404)
    // The old line's id is unknown now, like any line not in the cart.
    expect((await client.call(`/cart/items/${goneLine?.id}/`, { method: 'PATCH', token, body: { quantity: 1 } })).status).toBe(404)
    const again = await client.call<{ product_id?: unknown }>('/cart/items/', { method: 'POST', token, body: { product_id: gone.id, quantity: 1 } })
    expect(again.status).toBe(400)
    expect(again.body.product_id).toBeDefined()
    const saved = await client.call<{ product_id?: unknown }>('/wishlist/', { method: 'POST', token, body: { product_id: gone.id } })
    expect(saved.status).toBe(400)
    expect(saved.body.product_id).toBeDefined()
  })
})
