import { money } from '~/utils/format/money'
import type { AddressDto, OrderAddressDto, OrderCreateDto, OrderDto, OrderLineDto, ShippingMethodDto } from '../dto'
import type { Address } from '../domain/address'
import type { Order, OrderLine, OrderRequest } from '../domain/order'
import type { ShippingMethod } from '../domain/shipping'
import { withOffset } from './datetime'

export function toAddress(dto: Partial<OrderAddressDto> & AddressDto): Address {
  return {
    fullName: dto.full_name,
    line1: dto.line1,
    line2: dto.line2 ?? '',
    city: dto.city,
    postalCode: dto.postal_code,
    country: dto.country,
    phone: dto.phone ?? '',
  }
}

/** Trimmed, country upper-cased; optional parts left out when empty (DRF: "not required" rather than blank). */
export function toAddressDto(address: Address): AddressDto {
  const dto: AddressDto = {
    full_name: address.fullName.trim(),
    line1: address.line1.trim(),
    city: address.city.trim(),
    postal_code: address.postalCode.trim(),
    country: address.country.trim().toUpperCase(),
  }
  if (address.line2.trim()) dto.line2 = address.line2.trim()
  if (address.phone.trim()) dto.phone = address.phone.trim()
  return dto
}

/**
 * Whether a method is collected at a store. The contract's methods (and an order's) carry no kind, only a name
 * ("Store pickup"), so the name decides, here only; a backend that adds a kind field would be read here instead.
 */
function isPickup(name: string): boolean {
  return /pick\W?up|collect/i.test(name)
}

function toOrderLine(dto: OrderLineDto, currency: string): OrderLine {
  return {
    productId: dto.product_id,
    variantId: dto.variant_id ?? null,
    title: dto.title,
    sku: dto.sku,
    quantity: dto.quantity,
    unitPrice: money(dto.unit_price, currency),
    lineTotal: money(dto.line_total, currency),
  }
}

export function toOrder(dto: OrderDto): Order {
  const lines = dto.items.map(item => toOrderLine(item, dto.currency))
  return {
    id: dto.id,
    number: dto.number,
    status: dto.status,
    lines,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotal: money(dto.subtotal, dto.currency),
    shippingTotal: money(dto.shipping_total, dto.currency),
    total: money(dto.total, dto.currency),
    currency: dto.currency,
    address: toAddress(dto.shipping_address),
    shippingMethod: { id: dto.shipping_method.id, name: dto.shipping_method.name, price: money(dto.shipping_method.price, dto.currency), pickup: isPickup(dto.shipping_method.name) },
    createdAt: withOffset(dto.created_at),
  }
}

export function toOrderCreate(request: OrderRequest): OrderCreateDto {
  return { shipping_address: toAddressDto(request.address), shipping_method_id: request.shippingMethodId, payment_token: request.paymentToken }
}

export function toShippingMethod(dto: ShippingMethodDto): ShippingMethod {
  return {
    id: dto.id,
    name: dto.name,
    description: dto.description,
    price: money(dto.price, dto.currency),
    minDays: dto.min_days,
    maxDays: dto.max_days,
    pickup: isPickup(dto.name),
  }
}
