import { money } from '~/utils/format/money'
import type { BffCartDto, CartItemCreateDto, CartItemDto, CartItemUpdateDto } from '../dto'
import type { Cart, CartAddition, CartLine } from '../domain/cart'
import { toImage } from './image'

function toCartLine(dto: CartItemDto, currency: string): CartLine {
  return {
    id: dto.id,
    productId: dto.product_id,
    variantId: dto.variant_id ?? null,
    slug: dto.slug,
    title: dto.title,
    options: { ...dto.options },
    image: toImage(dto.image),
    unitPrice: money(dto.unit_price, currency),
    lineTotal: money(dto.line_total, currency),
    quantity: dto.quantity,
    available: dto.available,
    inStock: dto.in_stock,
  }
}

/** The BFF's cart -> domain. Totals and counts are the backend's; nothing is recomputed here. */
export function toCart(dto: BffCartDto): Cart {
  return {
    lines: dto.items.map(item => toCartLine(item, dto.currency)),
    itemCount: dto.items_count,
    subtotal: money(dto.subtotal, dto.currency),
    currency: dto.currency,
    mergePending: dto.merge_pending === true,
  }
}

export function toCartItemCreate(addition: CartAddition): CartItemCreateDto {
  const dto: CartItemCreateDto = { product_id: addition.productId, quantity: addition.quantity ?? 1 }
  // Left out rather than null when not chosen: "null" and "absent" mean the same to the contract, absent is the default.
  if (addition.variantId !== undefined && addition.variantId !== null) dto.variant_id = addition.variantId
  return dto
}

export function toCartItemUpdate(quantity: number): CartItemUpdateDto {
  return { quantity }
}
