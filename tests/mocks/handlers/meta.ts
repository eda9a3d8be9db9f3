import { applyContent } from '../db/contentOverrides'
import type { FaultRegistry, Stats } from '../http/faults'
import { detail, json, noContent, validationError } from '../http/responses'
import type { Route } from '../http/router'
import { MAX_SEED_PRODUCTS } from '../seed/constants'

// Demo-only endpoints for dev and tests. Only /__health/ exists when faults are disabled (production).

const notFoundResponse = () => detail(404, 'Not found.')

export function metaRoutes(deps: { faults: FaultRegistry, stats: Stats, reset: () => void, enabled: boolean }): Route[] {
  const { faults, stats } = deps
  const health: Route = { method: 'GET', template: '/__health/', handle: () => json({ status: 'ok' }) }
  if (!deps.enabled) return [health]
  return [
    health,
    { method: 'GET', template: '/__faults/', handle: () => json(faults.list()) },
    { method: 'POST', template: '/__faults/', handle: async c => json(faults.add(await c.body()), 201) },
    // Clearing faults also clears the stats: a test starts from a clean slate with one call.
    { method: 'DELETE', template: '/__faults/', handle: () => {
      faults.clear()
      stats.reset()
      return noContent()
    } },
    { method: 'GET', template: '/__stats/', handle: () => json(stats.snapshot()) },
    { method: 'DELETE', template: '/__stats/', handle: () => {
      stats.reset()
      return noContent()
    } },
    // Adds new (newest) products, e.g. to check that a running pagination walk stays consistent.
    { method: 'POST', template: '/__products/', handle: async (c) => {
      const body = await c.body() as { count?: unknown }
      const count = body.count ?? 1
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 1000) {
        throw validationError({ count: ['Ensure this value is an integer between 1 and 1000.'] })
      }
      if (c.db.products.length + count > MAX_SEED_PRODUCTS * 2) throw validationError({ count: ['Too many products.'] })
      return json({ ids: c.db.addProducts(count).map(p => p.id) }, 201)
    } },
    // Test-only content (titles, descriptions, images, reviews, brand and category names): the chaos suite's XSS corpus.
    { method: 'POST', template: '/__content/', handle: async (c) => {
      applyContent(c.db, await c.body())
      return noContent()
    } },
    // Sets a product's stock (or one variant's), e.g. to sell out a line between the cart and the payment.
    { method: 'PATCH', template: '/__products/{id}/', handle: async (c) => {
      const product = c.db.product(/^\d+$/.test(c.params.id ?? '') ? Number(c.params.id) : -1)
      if (!product) return notFoundResponse()
      const body = await c.body() as { stock?: unknown, variant_id?: unknown }
      const stock = body.stock
      if (typeof stock !== 'number' || !Number.isInteger(stock) || stock < 0 || stock > 100_000) {
        throw validationError({ stock: ['Ensure this value is an integer between 0 and 100000.'] })
      }
      if (product.variants) {
        const variant = product.variants.find(v => v.id === body.variant_id)
        if (!variant) throw validationError({ variant_id: ['This product has variants: name the one to change.'] })
        variant.stock = stock
        product.stock = product.variants.reduce((sum, v) => sum + v.stock, 0)
      }
      else {
        product.stock = stock
      }
      product.updatedAt = c.db.now()
      return json({ id: product.id, stock: product.stock, variants: product.variants?.map(v => ({ id: v.id, stock: v.stock })) ?? null })
    } },
    // Deletes a product as the shop's admin would (Django's on_delete: PROTECT by order lines, CASCADE to cart lines
    // and wishlist entries), e.g. to see what a cart holding it answers next.
    { method: 'DELETE', template: '/__products/{id}/', handle: (c) => {
      const product = c.db.product(/^\d+$/.test(c.params.id ?? '') ? Number(c.params.id) : -1)
      if (!product) return notFoundResponse()
      if (!c.db.deleteProduct(product)) return detail(409, 'This product is in an order and cannot be deleted.')
      return noContent()
    } },
    // The emails sent (password reset links), as Django's locmem backend keeps them; `?to=` keeps one recipient's.
    { method: 'GET', template: '/__outbox/', handle: (c) => {
      const to = c.query.get('to')?.toLowerCase()
      return json(to ? c.db.outbox.filter(message => message.to.some(address => address.toLowerCase() === to)) : c.db.outbox)
    } },
    { method: 'DELETE', template: '/__outbox/', handle: (c) => {
      c.db.outbox = []
      return noContent()
    } },
    // Back to the seed: users, carts, orders, stock, outbox, faults and stats.
    { method: 'POST', template: '/__reset/', handle: () => {
      deps.reset()
      return noContent()
    } },
  ]
}
