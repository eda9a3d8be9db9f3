import type { Order, OrderRequest, PlaceOrderAnswer } from '~/services/domain/order'
import type { OrderAttempt, OrderedLine } from '~/composables/checkout/attempt/attemptMachine'
import { findAttemptOrder } from '~/composables/checkout/attempt/orderMatch'
import { canonicalJson } from '~/composables/checkout/attempt/fingerprint'
import type { AttemptDeps } from '~/composables/checkout/attempt/runAttempt'

// A backend for the attempt's unit tests, answering POST /orders/ the way each idempotency flavour does
// (docs/checkout.md), with the network between it and the storefront under the test's control.

export type Flavour = 'demo' | 'django-idempotency-key' | 'stripe' | 'ietf'

export type Network = 'ok' | 'drop-request' | 'drop-answer'

interface Stored { fingerprint: string, answer: PlaceOrderAnswer }

const usd = (amount: number) => ({ amount, currency: 'USD' })

export interface FakeShop {
  orders: Order[]
  /** The shopper's cart as the backend holds it; emptied by an order unless `keepCart`. */
  cart: OrderedLine[]
  /** The access token the next send carries (django-idempotency-key keys on it). */
  token: string
  /** What happens to each send, in order; later sends go through. */
  network: Network[]
  /** Answers 409 "in flight" to this many sends of a key already being processed (ietf, stripe). */
  inFlight: number
  /** The next sends fail with a 500 (stored for the key by Stripe). */
  serverErrors: number
  /** The first order that is stored makes the stock run out for the rest. */
  stockLeft: number
  sends: Array<{ key: string, body: string, token: string }>
  /** The AttemptDeps a test gives the runner: this shop, a memory store, a clock and recorded waits. */
  deps: (overrides?: Partial<AttemptDeps>) => AttemptDeps & { saved: OrderAttempt[], waits: number[], keys: string[] }
}

export function createFakeShop(flavour: Flavour, options: { cart?: OrderedLine[], keepCart?: boolean, stockLeft?: number } = {}): FakeShop {
  const store = new Map<string, Stored>()
  let clock = Date.parse('2026-03-01T10:00:00Z')
  let nextId = 100
  let keyCount = 0
  const shop: FakeShop = {
    orders: [],
    cart: options.cart ?? [{ productId: 7, variantId: null, quantity: 2 }],
    token: 'access-1',
    network: [],
    inFlight: 0,
    serverErrors: 0,
    stockLeft: options.stockLeft ?? 99,
    sends: [],
    deps: (overrides = {}) => {
      const saved: OrderAttempt[] = []
      const waits: number[] = []
      const keys: string[] = []
      return {
        saved,
        waits,
        keys,
        send: (key, request) => send(key, request),
        findOrder: async attempt => findAttemptOrder([...shop.orders].reverse(), attempt),
        save: attempt => void saved.push(structuredClone(attempt)),
        wait: async (ms) => {
          waits.push(ms)
          clock += ms
        },
        now: () => clock,
        newKey: () => {
          keys.push(`key-${++keyCount}`)
          return keys.at(-1)!
        },
        ...overrides,
      }
    },
  }

  function create(request: OrderRequest): PlaceOrderAnswer {
    if (shop.cart.length === 0) return { kind: 'rejected', message: 'Your cart is empty.' }
    if (request.paymentToken === 'tok_chargeDeclined') return { kind: 'declined', message: 'Declined.' }
    const short = shop.cart.filter(line => line.quantity > shop.stockLeft)
    if (short.length) {
      return { kind: 'out-of-stock', message: 'Sold out.', lines: short.map(l => ({ lineId: 1, productId: l.productId, variantId: l.variantId, requested: l.quantity, available: shop.stockLeft })) }
    }
    clock += 1000
    const order: Order = {
      id: nextId++,
      number: `T-${nextId}`,
      status: 'paid',
      lines: shop.cart.map(l => ({ ...l, title: `Product ${l.productId}`, sku: `SKU-${l.productId}`, unitPrice: usd(1000), lineTotal: usd(1000 * l.quantity) })),
      itemCount: shop.cart.reduce((n, l) => n + l.quantity, 0),
      subtotal: usd(2000),
      shippingTotal: usd(499),
      total: usd(2499),
      currency: 'USD',
      address: request.address,
      shippingMethod: { id: request.shippingMethodId, name: 'Standard', price: usd(499), pickup: false },
      createdAt: new Date(clock).toISOString(),
    }
    shop.orders.push(order)
    shop.stockLeft -= Math.max(...shop.cart.map(l => l.quantity))
    if (!options.keepCart) shop.cart = []
    return { kind: 'placed', order, replayed: false }
  }

  /** One POST as the flavour's backend handles it. */
  function handle(key: string, request: OrderRequest): PlaceOrderAnswer {
    const body = canonicalJson(request)
    if (shop.serverErrors > 0) {
      shop.serverErrors--
      const failed: PlaceOrderAnswer = { kind: 'server-error', message: 'A server error occurred.' }
      if (flavour === 'stripe') store.set(key, { fingerprint: body, answer: failed })
      return failed
    }
    // django-idempotency-key: the key covers method, path, body and the Authorization header.
    const slot = flavour === 'django-idempotency-key' ? `${key}|${shop.token}` : key
    const stored = store.get(slot)
    if (stored) {
      if (stored.fingerprint !== body) {
        return flavour === 'ietf' ? { kind: 'key-conflict', message: 'Reused key.' } : { kind: 'busy', message: 'Key reused.', retryAfterMs: null }
      }
      const again = stored.answer
      if (again.kind !== 'placed') return again
      // django-idempotency-key replays with 409 and the original body: the service maps that to a replayed order.
      return { ...again, replayed: true }
    }
    if (shop.inFlight > 0 && (flavour === 'ietf' || flavour === 'stripe')) {
      shop.inFlight--
      return { kind: 'busy', message: 'In flight.', retryAfterMs: null }
    }
    const answer = create(request)
    // What each flavour stores: the demo and django only a created order, Stripe anything past validation.
    const stores = answer.kind === 'placed' || (flavour === 'stripe' && answer.kind !== 'invalid') || (flavour === 'ietf' && answer.kind !== 'invalid')
    if (stores) store.set(slot, { fingerprint: body, answer })
    return answer
  }

  async function send(key: string, request: OrderRequest): Promise<PlaceOrderAnswer> {
    shop.sends.push({ key, body: canonicalJson(request), token: shop.token })
    const network = shop.network.shift() ?? 'ok'
    if (network === 'drop-request') return { kind: 'lost', message: 'Network error.' }
    const answer = handle(key, request)
    return network === 'drop-answer' ? { kind: 'lost', message: 'Timed out.' } : answer
  }

  return shop
}

export const ADDRESS = { fullName: 'Ada Lovelace', line1: '12 Analytical Way', line2: '', city: 'London', postalCode: 'N1 9GU', country: 'GB', phone: '' }

export function request(paymentToken = 'tok_visa', shippingMethodId = 1): OrderRequest {
  return { address: { ...ADDRESS }, shippingMethodId, paymentToken }
}
