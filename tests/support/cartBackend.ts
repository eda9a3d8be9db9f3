import type { BffCartDto, CartItemDto } from '~/services/dto'
import { apiError } from './fakeApi'
import { ApiError } from '~/composables/core/api/ApiError'

/** A line as the test backend keeps it: unit price in cents, stock per line. */
export interface TestLine {
  id: number
  productId: number
  variantId: number | null
  quantity: number
  unitCents: number
  stock: number
}

const decimal = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`

/**
 * A cart backend for store tests: answers the way the contract says (the whole cart after every change, a 409 with
 * `available` beyond the stock), computing totals itself, so a test can check the store shows exactly these.
 */
export function createCartBackend(initial: TestLine[] = []) {
  let lines = initial.map(line => ({ ...line }))
  let nextId = 100

  function dto(): BffCartDto {
    const items: CartItemDto[] = lines.map(line => ({
      id: line.id, product_id: line.productId, variant_id: line.variantId, slug: `p${line.productId}`, title: `Product ${line.productId}`,
      options: (line.variantId ? { size: 'M' } : {}) as Record<string, string>, image: { url: `https://img.test/${line.productId}.svg`, alt: '', width: 600, height: 600 },
      unit_price: decimal(line.unitCents), line_total: decimal(line.unitCents * line.quantity), quantity: line.quantity,
      available: line.stock, in_stock: line.quantity <= line.stock,
    }))
    return {
      items,
      items_count: lines.reduce((sum, line) => sum + line.quantity, 0),
      subtotal: decimal(lines.reduce((sum, line) => sum + line.unitCents * line.quantity, 0)),
      currency: 'USD',
    }
  }

  function outOfStock(available: number): ApiError {
    return new ApiError({ status: 409, code: 'out_of_stock', message: `Only ${available} left in stock.`, fieldErrors: {}, retryable: false, extras: { available } })
  }

  function line(id: number): TestLine {
    const found = lines.find(l => l.id === id)
    if (!found) throw apiError(404, 'Not found.')
    return found
  }

  return {
    dto,
    lines: () => lines,
    setPrice(id: number, cents: number) {
      line(id).unitCents = cents
    },
    /** PATCH /cart/items/{id}/ as the backend would answer it (throws the ApiError it would fail with). */
    patch(id: number, quantity: number): BffCartDto {
      const target = line(id)
      if (quantity > target.stock) throw outOfStock(target.stock)
      target.quantity = quantity
      return dto()
    },
    remove(id: number): BffCartDto {
      line(id)
      lines = lines.filter(l => l.id !== id)
      return dto()
    },
    add(productId: number, variantId: number | null, quantity: number, unitCents = 1000, stock = 50): BffCartDto {
      const existing = lines.find(l => l.productId === productId && l.variantId === variantId)
      const wanted = (existing?.quantity ?? 0) + quantity
      if (wanted > (existing?.stock ?? stock)) throw outOfStock(existing?.stock ?? stock)
      if (existing) existing.quantity = wanted
      else lines.push({ id: nextId++, productId, variantId, quantity, unitCents, stock })
      return dto()
    },
  }
}

export type CartBackend = ReturnType<typeof createCartBackend>

/** The id in `/cart/items/{id}/`. */
export function lineIdOf(path: string): number {
  return Number(/\/cart\/items\/(\d+)\//.exec(path)?.[1])
}

/** Makes `fake` answer every cart endpoint from `backend` (lines `ids` for PATCH and DELETE). */
export function serveCart(fake: { on: (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, ...answers: unknown[]) => unknown }, backend: CartBackend, ids: number[]): void {
  fake.on('GET', '/cart/', () => backend.dto())
  fake.on('POST', '/cart/items/', (call: { body: unknown }) => {
    const body = call.body as { product_id: number, variant_id?: number, quantity: number }
    return backend.add(body.product_id, body.variant_id ?? null, body.quantity)
  })
  for (const id of ids) {
    fake.on('PATCH', `/cart/items/${id}/`, (call: { body: unknown }) => backend.patch(id, (call.body as { quantity: number }).quantity))
    fake.on('DELETE', `/cart/items/${id}/`, () => backend.remove(id))
  }
}
