import { afterAll, describe, expect, it } from 'vitest'
import type { CursorPageDto, WishlistIdsDto, WishlistItemDto } from '../../services/dto'
import { listProducts, registerAndSignIn } from './support/fixtures'
import { productPageStyle, SIZE_PARAM } from './support/pageStyle'
import { assertSchema } from './support/schema'
import { contractTarget } from './support/target'

const target = await contractTarget()
const { client } = target
afterAll(() => target.close())

// Page sizes by the backend's own parameter (`limit` under LimitOffsetPagination: ./support/pageStyle).
const SIZE = SIZE_PARAM[await productPageStyle(client)]
const products = (await listProducts(client, `${SIZE}=3`)).results

describe('wishlist', () => {
  it('requires authentication', async () => {
    expect((await client.call('/wishlist/')).status).toBe(401)
  })

  it('add (201), add again (200, same entry), list newest first, delete (204)', async () => {
    const { tokens } = await registerAndSignIn(client)
    const token = tokens.access
    for (const product of products) {
      const added = await client.call<WishlistItemDto>('/wishlist/', { method: 'POST', token, body: { product_id: product.id } })
      expect(added.status).toBe(201)
      assertSchema('WishlistItem', added.body)
    }
    const again = await client.call<WishlistItemDto>('/wishlist/', { method: 'POST', token, body: { product_id: products[0]?.id } })
    expect(again.status).toBe(200)

    const page = await client.call<CursorPageDto<WishlistItemDto>>(`/wishlist/?${SIZE}=2`, { token })
    assertSchema('WishlistPage', page.body)
    expect(page.body.results.map(i => i.product.id)).toEqual([products[2]?.id, products[1]?.id])
    const rest = await client.call<CursorPageDto<WishlistItemDto>>(page.body.next as string, { token })
    expect(rest.body.results.map(i => i.product.id)).toEqual([products[0]?.id])

    expect((await client.call(`/wishlist/${products[1]?.id}/`, { method: 'DELETE', token })).status).toBe(204)
    expect((await client.call(`/wishlist/${products[1]?.id}/`, { method: 'DELETE', token })).status).toBe(404)
    const after = await client.call<CursorPageDto<WishlistItemDto>>('/wishlist/', { token })
    expect(after.body.results.map(i => i.product.id)).toEqual([products[2]?.id, products[0]?.id])
  })

  // Optional in the contract: a backend may not have it (404, or DRF's 405 from the detail route); the storefront
  // then reads the ids from the list. The demo has it, and when present it must agree with the list.
  it('GET /wishlist/ids/ (optional): every product id newest first, as the list has them, or 404/405', async () => {
    expect((await client.call('/wishlist/ids/')).status).toBe(401)
    const { tokens } = await registerAndSignIn(client)
    const token = tokens.access
    const empty = await client.call<WishlistIdsDto>('/wishlist/ids/', { token })
    if (!target.isLocalDemo && (empty.status === 404 || empty.status === 405)) return
    expect(empty.status).toBe(200)
    expect(empty.body).toEqual({ product_ids: [] })
    for (const product of products) await client.call('/wishlist/', { method: 'POST', token, body: { product_id: product.id } })
    await client.call(`/wishlist/${products[0]?.id}/`, { method: 'DELETE', token })
    const ids = await client.call<WishlistIdsDto>('/wishlist/ids/', { token })
    assertSchema('WishlistIds', ids.body)
    const list = await client.call<CursorPageDto<WishlistItemDto>>(`/wishlist/?${SIZE}=100`, { token })
    expect(ids.body.product_ids).toEqual(list.body.results.map(i => i.product.id))
    expect(ids.body.product_ids).toEqual([products[2]?.id, products[1]?.id])
  })

  it('an unknown product is a field error', async () => {
    const { tokens } = await registerAndSignIn(client)
    const response = await client.call('/wishlist/', { method: 'POST', token: tokens.access, body: { product_id: 999999999 } })
    expect(response.status).toBe(400)
    expect(response.body).toHaveProperty('product_id')
  })
})
