import type { CursorPageDto, FieldErrorsDto, OrderDto } from '../../../services/dto'
import { SHIPPING_METHODS } from '../db/DemoDb'
import type { AddressRecord, OrderRecord, UserRecord } from '../db/types'
import type { DemoContext } from '../http/context'
import { FieldCollector, asObject } from '../http/fields'
import { HttpError, REQUIRED, detail, json, notFound, validationError } from '../http/responses'
import type { Route } from '../http/router'
import { paginate } from '../http/pagination'
import { paginateByNumber } from '../http/pageNumberPagination'
import { PAYMENT_TOKENS_OK, PAYMENT_TOKEN_DECLINED } from '../seed/constants'
import { orderDto, resolveLine, shippingMethodDto } from '../serializers/commerce'
import { userCart } from './cart'
import { placeWithFlavour } from './orderIdempotency'

/** Canonical JSON (sorted keys): "the same body" means the same data, whatever the key order. */
export function fingerprint(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(fingerprint).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map(k => `${JSON.stringify(k)}:${fingerprint((value as Record<string, unknown>)[k])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

function parseAddress(value: unknown, errors: FieldErrorsDto): AddressRecord | null {
  if (value === undefined || value === null) {
    errors.shipping_address = [value === null ? 'This field may not be null.' : REQUIRED]
    return null
  }
  try {
    const fields = new FieldCollector(asObject(value))
    const address: AddressRecord = {
      full_name: fields.string('full_name', { maxLength: 255 }) ?? '',
      line1: fields.string('line1', { maxLength: 255 }) ?? '',
      line2: fields.string('line2', { required: false, allowBlank: true, maxLength: 255 }) ?? '',
      city: fields.string('city', { maxLength: 128 }) ?? '',
      postal_code: fields.string('postal_code', { maxLength: 20 }) ?? '',
      country: fields.string('country') ?? '',
      phone: fields.string('phone', { required: false, allowBlank: true, maxLength: 32 }) ?? '',
    }
    if (address.country && !/^[A-Z]{2}$/.test(address.country)) fields.add('country', `"${address.country}" is not a valid choice.`)
    if (Object.keys(fields.errors).length) errors.shipping_address = fields.errors
    return address
  }
  catch (error) {
    if (!(error instanceof HttpError)) throw error
    errors.shipping_address = { non_field_errors: ['Invalid data. Expected a dictionary.'] }
    return null
  }
}

/**
 * Validates the body and places the order of the user's cart: field errors (400), an empty cart (400), stock
 * (409 with lines), the card (402), then stock taken, the order stored and the cart emptied. Nothing here awaits:
 * check and reserve happen in one turn of the event loop.
 */
export function processOrder(context: DemoContext, user: UserRecord, raw: unknown): Response {
  const { db } = context
  const body = asObject(raw)
  const errors: FieldErrorsDto = {}
  const address = parseAddress(body.shipping_address, errors)
  const fields = new FieldCollector(body)
  const methodId = fields.integer('shipping_method_id')
  const paymentToken = fields.string('payment_token')
  const method = SHIPPING_METHODS.find(m => m.id === methodId)
  if (methodId !== undefined && !method) fields.add('shipping_method_id', `Invalid pk "${methodId}" - object does not exist.`)
  const knownToken = paymentToken === PAYMENT_TOKEN_DECLINED || (PAYMENT_TOKENS_OK as readonly string[]).includes(paymentToken ?? '')
  if (paymentToken !== undefined && !knownToken) fields.add('payment_token', 'Unknown payment token.')
  Object.assign(errors, fields.errors)
  if (Object.keys(errors).length) throw validationError(errors)

  const cart = userCart(context, user)
  if (cart.lines.length === 0) throw new HttpError(detail(400, 'Your cart is empty.', 'cart_empty'))
  const lines = cart.lines.map(line => resolveLine(db, line))
  const failing = lines.filter(l => l.line.quantity > l.available)
  if (failing.length) {
    throw new HttpError(detail(409, 'Some items are no longer available in the requested quantity.', 'out_of_stock', {
      lines: failing.map(l => ({ item_id: l.line.id, product_id: l.product.id, variant_id: l.variant?.id ?? null, requested: l.line.quantity, available: l.available })),
    }))
  }
  if (paymentToken === PAYMENT_TOKEN_DECLINED) throw new HttpError(detail(402, 'Your card was declined.', 'payment_declined'))

  for (const { line, product, variant } of lines) {
    if (variant) variant.stock -= line.quantity
    product.stock -= line.quantity
    product.updatedAt = db.now()
  }
  const id = db.nextId('order')
  const order: OrderRecord = {
    id,
    number: `DEMO-${String(100000 + id)}`,
    userId: user.id,
    status: 'paid',
    lines: lines.map(({ line, product, variant, unitCents }) => ({
      productId: product.id,
      variantId: variant?.id ?? null,
      title: product.title,
      sku: variant?.sku ?? `SKU-${product.id}`,
      quantity: line.quantity,
      unitPriceCents: unitCents,
    })),
    shippingAddress: address as AddressRecord,
    shippingMethodId: (method as { id: number }).id,
    shippingCents: (method as { priceCents: number }).priceCents,
    createdAt: db.now(),
  }
  db.orders.push(order)
  cart.lines = []
  return json(orderDto(order), 201, { Location: `${context.publicBase}/orders/${order.id}/` })
}

/** The contract's own idempotency (profile `demo`): per user and key; only a created order consumes the key. */
function placeWithDemoKeys(context: DemoContext, user: UserRecord, key: string, raw: unknown): Response {
  const { db } = context
  const slot = `${user.id} ${key}`
  const print = fingerprint(raw)
  const previous = db.idempotency.get(slot)
  if (previous) {
    if (previous.fingerprint !== print) {
      throw new HttpError(detail(409, 'This Idempotency-Key was already used with a different request.', 'idempotency_key_reused'))
    }
    const order = db.orders.find(o => o.id === previous.orderId) as OrderRecord
    return json(orderDto(order), 201, { 'Idempotent-Replayed': 'true', 'Location': `${context.publicBase}/orders/${order.id}/` })
  }
  const response = processOrder(context, user, raw)
  // Only a created order consumes the key: after a 4xx the client may retry with the same key.
  db.idempotency.set(slot, { fingerprint: print, orderId: (db.orders.at(-1) as OrderRecord).id })
  return response
}

async function createOrder(context: DemoContext): Promise<Response> {
  const user = await context.requireUser()
  const key = context.request.headers.get('idempotency-key')?.trim()
  if (!key) throw new HttpError(detail(400, 'The Idempotency-Key header is required.', 'idempotency_key_required'))
  if (key.length > 255) throw new HttpError(detail(400, 'The Idempotency-Key header is longer than 255 characters.', 'idempotency_key_invalid'))
  const raw = await context.body()
  const { profile } = context.db
  // From here on the demo flavour does not await: concurrent requests with one key cannot both create an order.
  if (profile.idempotency === 'demo') return placeWithDemoKeys(context, user, key, raw)
  return placeWithFlavour(profile, { user, key, print: fingerprint(raw), authorization: context.request.headers.get('authorization') ?? '' }, () => run(() => processOrder(context, user, raw)), context.db)
}

/** The handler's outcome as a response, whether it returned one or threw an HttpError. */
function run(handler: () => Response): Response {
  try {
    return handler()
  }
  catch (error) {
    if (error instanceof HttpError) return error.response
    throw error
  }
}

async function listOrders(context: DemoContext): Promise<Response> {
  const user = await context.requireUser()
  const mine = context.db.orders.filter(o => o.userId === user.id).reverse()
  const page = paginate(context, { sorted: mine, key: o => o.createdAt, direction: -1, scope: `orders:${user.id}` })
  const body: CursorPageDto<OrderDto> = { ...(page.count === undefined ? {} : { count: page.count }), next: page.next, previous: page.previous, results: page.items.map(orderDto) }
  return json(body)
}

async function getOrder(context: DemoContext): Promise<Response> {
  const user = await context.requireUser()
  const id = /^\d+$/.test(context.params.id ?? '') ? Number(context.params.id) : -1
  const order = context.db.orders.find(o => o.id === id && o.userId === user.id)
  if (!order) throw notFound()
  return json(orderDto(order))
}

/** Pages of this size when the profile paginates them: 3 methods, so a second page. */
export const SHIPPING_METHODS_PAGE_SIZE = 2

function listShippingMethods(context: DemoContext): Response {
  const methods = SHIPPING_METHODS.map(shippingMethodDto)
  if (!context.db.profile.paginatedShippingMethods) return json(methods)
  return json(paginateByNumber(context, methods, SHIPPING_METHODS_PAGE_SIZE))
}

export const orderRoutes: Route[] = [
  { method: 'GET', template: '/shipping-methods/', handle: listShippingMethods },
  { method: 'GET', template: '/orders/', handle: listOrders },
  { method: 'POST', template: '/orders/', handle: createOrder },
  { method: 'GET', template: '/orders/{id}/', handle: getOrder },
]
