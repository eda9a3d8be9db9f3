import type { DemoContext } from '../http/context'
import type { CartRecord, ProductRecord, UserRecord, VariantRecord } from '../db/types'
import { FieldCollector, asObject } from '../http/fields'
import { HttpError, detail, json, notFound, validationError } from '../http/responses'
import type { Route } from '../http/router'
import { cartDto } from '../serializers/commerce'

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{16,64}$/

function newToken(): string {
  return crypto.randomUUID().replace(/-/g, '')
}

/**
 * The cart a request is about: the signed-in user's, else the guest cart named by X-Cart-Token.
 * Guest carts are stored on first write only, so GET /cart/ without a token costs no memory - unless the
 * profile says 'create', as a backend using get_or_create on read would (both are within the contract).
 */
/** `read`: GET /cart/; `lookup`: finding a line to change (never stores); `write`: adding a line. */
async function currentCart(context: DemoContext, use: 'read' | 'lookup' | 'write'): Promise<CartRecord> {
  const { db } = context
  const user = await context.user()
  if (user) return userCart(context, user)
  const token = context.request.headers.get('x-cart-token')?.trim() ?? ''
  const known = db.carts.get(token)
  if (known && known.userId === null) return known
  // An unknown but well-formed token (e.g. after a demo restart) is adopted; anything else gets a new one.
  const cart: CartRecord = { token: TOKEN_FORMAT.test(token) && !known ? token : newToken(), userId: null, lines: [], updatedAt: db.now() }
  if (use === 'write' || (use === 'read' && db.profile.guestCartOnRead === 'create')) db.carts.set(cart.token, cart)
  return cart
}

export function userCart(context: DemoContext, user: UserRecord): CartRecord {
  const { db } = context
  const token = db.cartTokenByUser.get(user.id)
  const existing = token ? db.carts.get(token) : undefined
  if (existing) return existing
  const cart: CartRecord = { token: newToken(), userId: user.id, lines: [], updatedAt: db.now() }
  db.carts.set(cart.token, cart)
  db.cartTokenByUser.set(user.id, cart.token)
  return cart
}

function respond(context: DemoContext, cart: CartRecord, status = 200): Response {
  return json(cartDto(context.db, context.publicBase, cart), status, { 'X-Cart-Token': cart.token })
}

export function outOfStock(available: number): HttpError {
  const message = available === 0 ? 'This item is out of stock.' : `Only ${available} left in stock.`
  return new HttpError(detail(409, message, 'out_of_stock', { available }))
}

/** Products with variants need one; when the client sends none, the first variant in stock is used. */
function pickVariant(product: ProductRecord, variantId: number | null | undefined): VariantRecord | null {
  if (!product.variants) {
    if (variantId !== undefined && variantId !== null) throw validationError({ variant_id: ['This product has no variants.'] })
    return null
  }
  if (variantId === undefined || variantId === null) return product.variants.find(v => v.stock > 0) ?? product.variants[0] ?? null
  const variant = product.variants.find(v => v.id === variantId)
  if (!variant) throw validationError({ variant_id: [`Invalid pk "${variantId}" - object does not exist.`] })
  return variant
}

async function addItem(context: DemoContext): Promise<Response> {
  const body = asObject(await context.body())
  const fields = new FieldCollector(body)
  const productId = fields.integer('product_id')
  const variantId = body.variant_id === null ? null : fields.integer('variant_id', { required: false })
  const quantity = fields.integer('quantity', { required: false, min: 1, max: 99 }) ?? 1
  fields.throwIfAny()
  const product = context.db.product(productId as number)
  if (!product) throw validationError({ product_id: [`Invalid pk "${productId}" - object does not exist.`] })
  const variant = pickVariant(product, variantId)
  const cart = await currentCart(context, 'write')
  const existing = cart.lines.find(l => l.productId === product.id && l.variantId === (variant?.id ?? null))
  const wanted = (existing?.quantity ?? 0) + quantity
  const available = variant?.stock ?? product.stock
  if (wanted > available) throw outOfStock(available)
  if (existing) existing.quantity = wanted
  else cart.lines.push({ id: context.db.nextId('cartLine'), productId: product.id, variantId: variant?.id ?? null, quantity })
  cart.updatedAt = context.db.now()
  return respond(context, cart, 201)
}

async function lineFromPath(context: DemoContext) {
  const cart = await currentCart(context, 'lookup')
  const id = /^\d+$/.test(context.params.id ?? '') ? Number(context.params.id) : -1
  const line = cart.lines.find(l => l.id === id)
  if (!line) throw notFound()
  return { cart, line }
}

async function updateItem(context: DemoContext): Promise<Response> {
  const { cart, line } = await lineFromPath(context)
  const fields = new FieldCollector(asObject(await context.body()))
  const quantity = fields.integer('quantity', { min: 1, max: 99 }) as number
  fields.throwIfAny()
  const product = context.db.product(line.productId) as ProductRecord
  const available = product.variants?.find(v => v.id === line.variantId)?.stock ?? product.stock
  if (quantity > available) throw outOfStock(available)
  line.quantity = quantity
  return respond(context, cart)
}

async function removeItem(context: DemoContext): Promise<Response> {
  const { cart, line } = await lineFromPath(context)
  cart.lines = cart.lines.filter(l => l !== line)
  return respond(context, cart)
}

/** After sign-in: the guest cart's lines join the user's cart (quantities add up, capped at stock). */
async function merge(context: DemoContext): Promise<Response> {
  const user = await context.requireUser()
  const fields = new FieldCollector(asObject(await context.body()))
  const token = fields.string('token')
  fields.throwIfAny()
  const target = userCart(context, user)
  const guest = context.db.carts.get(token as string)
  if (guest && guest.userId === null) {
    for (const line of guest.lines) {
      const product = context.db.product(line.productId) as ProductRecord
      const available = product.variants?.find(v => v.id === line.variantId)?.stock ?? product.stock
      const existing = target.lines.find(l => l.productId === line.productId && l.variantId === line.variantId)
      const quantity = Math.min((existing?.quantity ?? 0) + line.quantity, Math.max(available, existing?.quantity ?? 0))
      if (existing) existing.quantity = quantity
      else if (quantity > 0) target.lines.push({ ...line, quantity })
    }
    context.db.carts.delete(guest.token)
  }
  return respond(context, target)
}

export const cartRoutes: Route[] = [
  { method: 'GET', template: '/cart/', handle: async c => respond(c, await currentCart(c, 'read')) },
  { method: 'POST', template: '/cart/items/', handle: addItem },
  { method: 'PATCH', template: '/cart/items/{id}/', handle: updateItem },
  { method: 'DELETE', template: '/cart/items/{id}/', handle: removeItem },
  { method: 'POST', template: '/cart/merge/', handle: merge },
]
