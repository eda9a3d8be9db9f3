import type { WishlistIdsDto, WishlistItemDto } from '../dto'
import type { WishlistEntry, WishlistIds } from '../domain/wishlist'
import { toProductSummary } from './product'
import { withOffset } from './datetime'

export function toWishlistEntry(dto: WishlistItemDto): WishlistEntry {
  return { id: dto.id, product: toProductSummary(dto.product), addedAt: withOffset(dto.created_at) }
}

export function toWishlistIds(dto: WishlistIdsDto): WishlistIds {
  return { productIds: [...new Set(dto.product_ids)] }
}
