import type { CursorPageDto, WishlistIdsDto, WishlistItemDto } from '../../../services/dto'
import type { DemoContext } from '../http/context'
import { FieldCollector, asObject } from '../http/fields'
import { json, noContent, notFound, validationError } from '../http/responses'
import type { Route } from '../http/router'
import { paginate } from '../http/pagination'
import { wishlistItemDto } from '../serializers/commerce'
import type { WishlistEntry } from '../db/types'

async function entries(context: DemoContext): Promise<{ userId: number, list: WishlistEntry[] }> {
  const user = await context.requireUser()
  let list = context.db.wishlists.get(user.id)
  if (!list) {
    list = []
    context.db.wishlists.set(user.id, list)
  }
  return { userId: user.id, list }
}

async function listWishlist(context: DemoContext): Promise<Response> {
  const { userId, list } = await entries(context)
  // Newest first; entries are appended in time order, so the reversed list is already sorted (createdAt, id) desc.
  const page = paginate(context, { sorted: [...list].reverse(), key: e => e.createdAt, direction: -1, scope: `wishlist:${userId}` })
  const body: CursorPageDto<WishlistItemDto> = {
    ...(page.count === undefined ? {} : { count: page.count }),
    next: page.next,
    previous: page.previous,
    results: page.items.map(e => wishlistItemDto(context.db, context.publicBase, e)),
  }
  return json(body)
}

/** The optional ids endpoint (docs/openapi.yaml): every product id, newest first, without the summaries. */
async function listWishlistIds(context: DemoContext): Promise<Response> {
  const { list } = await entries(context)
  const body: WishlistIdsDto = { product_ids: [...list].reverse().map(e => e.productId) }
  return json(body)
}

/** Adding twice is harmless: the existing entry comes back with 200 instead of 201. */
async function addToWishlist(context: DemoContext): Promise<Response> {
  const { list } = await entries(context)
  const fields = new FieldCollector(asObject(await context.body()))
  const productId = fields.integer('product_id')
  fields.throwIfAny()
  if (!context.db.product(productId as number)) throw validationError({ product_id: [`Invalid pk "${productId}" - object does not exist.`] })
  const existing = list.find(e => e.productId === productId)
  if (existing) return json(wishlistItemDto(context.db, context.publicBase, existing))
  const last = list[list.length - 1]
  const entry: WishlistEntry = { id: context.db.nextId('wishlist'), productId: productId as number, createdAt: Math.max(context.db.now(), last?.createdAt ?? 0) }
  list.push(entry)
  return json(wishlistItemDto(context.db, context.publicBase, entry), 201)
}

async function removeFromWishlist(context: DemoContext): Promise<Response> {
  const { list } = await entries(context)
  const productId = /^\d+$/.test(context.params.product_id ?? '') ? Number(context.params.product_id) : -1
  const index = list.findIndex(e => e.productId === productId)
  if (index < 0) throw notFound()
  list.splice(index, 1)
  return noContent()
}

export const wishlistRoutes: Route[] = [
  { method: 'GET', template: '/wishlist/', handle: listWishlist },
  // Before the detail route, as a DRF router lists a viewset's extra actions.
  { method: 'GET', template: '/wishlist/ids/', handle: listWishlistIds },
  { method: 'POST', template: '/wishlist/', handle: addToWishlist },
  { method: 'DELETE', template: '/wishlist/{product_id}/', handle: removeFromWishlist },
]
