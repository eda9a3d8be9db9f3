import type { CartDto, CartItemDto, OrderDto, ShippingMethodDto, WishlistItemDto } from '../../../services/dto'
import type { DemoDb } from '../db/DemoDb'
import { SHIPPING_METHODS } from '../db/DemoDb'
import type { CartLineRecord, CartRecord, OrderRecord, ProductRecord, ShippingMethodRecord, VariantRecord, WishlistEntry } from '../db/types'
import { CURRENCY, IMAGE_HEIGHT, IMAGE_WIDTH } from '../seed/constants'
import { decimal, imageUrl, isoDate, productSummaryDto } from './catalog'

export interface ResolvedLine {
  line: CartLineRecord
  product: ProductRecord
  variant: VariantRecord | null
  unitCents: number
  available: number
}

export function resolveLine(db: DemoDb, line: CartLineRecord): ResolvedLine {
  const product = db.product(line.productId) as ProductRecord
  const variant = product.variants?.find(v => v.id === line.variantId) ?? null
  return { line, product, variant, unitCents: variant?.priceCents ?? product.priceCents, available: variant?.stock ?? product.stock }
}

function cartItemDto(db: DemoDb, publicBase: string, resolved: ResolvedLine): CartItemDto {
  const { line, product, variant, unitCents, available } = resolved
  return {
    id: line.id,
    product_id: product.id,
    variant_id: variant?.id ?? null,
    slug: product.slug,
    title: product.title,
    options: { ...variant?.options },
    image: { url: imageUrl(db, publicBase, product.id), alt: product.title, width: IMAGE_WIDTH, height: IMAGE_HEIGHT },
    unit_price: decimal(unitCents),
    line_total: decimal(unitCents * line.quantity),
    quantity: line.quantity,
    available,
    in_stock: available >= line.quantity,
  }
}

export function cartDto(db: DemoDb, publicBase: string, cart: CartRecord): CartDto {
  const lines = cart.lines.map(line => resolveLine(db, line))
  return {
    token: cart.token,
    items: lines.map(line => cartItemDto(db, publicBase, line)),
    items_count: cart.lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotal: decimal(lines.reduce((sum, line) => sum + line.unitCents * line.line.quantity, 0)),
    currency: CURRENCY,
  }
}

export function wishlistItemDto(db: DemoDb, publicBase: string, entry: WishlistEntry): WishlistItemDto {
  return { id: entry.id, product: productSummaryDto(db, publicBase, db.product(entry.productId) as ProductRecord), created_at: isoDate(entry.createdAt) }
}

export function shippingMethodDto(method: ShippingMethodRecord): ShippingMethodDto {
  return {
    id: method.id,
    name: method.name,
    description: method.description,
    price: decimal(method.priceCents),
    currency: CURRENCY,
    min_days: method.minDays,
    max_days: method.maxDays,
  }
}

export function orderDto(order: OrderRecord): OrderDto {
  const subtotal = order.lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0)
  const method = SHIPPING_METHODS.find(m => m.id === order.shippingMethodId) as ShippingMethodRecord
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    items: order.lines.map(line => ({
      product_id: line.productId,
      variant_id: line.variantId,
      title: line.title,
      sku: line.sku,
      quantity: line.quantity,
      unit_price: decimal(line.unitPriceCents),
      line_total: decimal(line.unitPriceCents * line.quantity),
    })),
    subtotal: decimal(subtotal),
    shipping_total: decimal(order.shippingCents),
    total: decimal(subtotal + order.shippingCents),
    currency: CURRENCY,
    shipping_address: { ...order.shippingAddress },
    shipping_method: { id: method.id, name: method.name, price: decimal(order.shippingCents) },
    created_at: isoDate(order.createdAt),
  }
}
