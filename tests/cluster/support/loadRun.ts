import { quantities, type Answer, type Shopper } from './shopper'

// A load run through the load balancer, shaped like a shop's traffic: anonymous page views (the page cache),
// catalog reads through the /api proxy, guests adding to their carts (POST without an Idempotency-Key: never safe
// to repeat), signed-in shoppers adding and placing orders (POST /api/orders/ with an Idempotency-Key: safe to
// repeat). Every loop is one browser: one request after the other, as a shopper clicks.

export type Kind = 'page' | 'api read' | 'cart add' | 'order'

/** Whether the client may send the request again after a failure without risking a second side effect. */
export const RETRYABLE: Record<Kind, boolean> = { 'page': true, 'api read': true, 'cart add': false, 'order': true }

export interface Failure {
  kind: Kind
  path: string
  status: number
  error?: string
}

export interface LoadTally {
  requests: number
  byKind: Record<Kind, { requests: number, failed: number }>
  /** Every failed attempt (a retryable one was then sent again, up to 5 times). */
  failures: Failure[]
  /** Requests that never succeeded: failed and not retryable, or failed every attempt. */
  unrecovered: Failure[]
  /** x-cache of every page answer: HIT, MISS, STALE, ... */
  cache: Record<string, number>
  /** What each guest's cart must hold: every add that was answered 201. */
  guestCarts: Array<Record<number, number>>
  /** Orders each buyer was answered 201 for, by Idempotency-Key. */
  orders: Array<Map<string, number>>
}

export interface LoadPlan {
  lb: string
  pages: string[]
  apiReads: string[]
  pageViewers: number
  guests: Shopper[]
  buyers: Shopper[]
  /** Products with ample stock, added round-robin. */
  products: number[]
  /** Called after every request, so the test can act at a given count (restart) and decide when to stop. */
  onRequest?(tally: LoadTally): void
  stopped(): boolean
}

const ORDER_BODY = {
  shipping_address: { full_name: 'Cluster Shopper', line1: '1 Load Street', city: 'Springfield', postal_code: '12345', country: 'US' },
  shipping_method_id: 1,
  payment_token: 'tok_visa',
}
const MAX_ATTEMPTS = 5

export function emptyTally(guests: number, buyers: number): LoadTally {
  const kind = () => ({ requests: 0, failed: 0 })
  return {
    requests: 0,
    byKind: { 'page': kind(), 'api read': kind(), 'cart add': kind(), 'order': kind() },
    failures: [],
    unrecovered: [],
    cache: {},
    guestCarts: Array.from({ length: guests }, () => ({})),
    orders: Array.from({ length: buyers }, () => new Map()),
  }
}

export async function runLoad(plan: LoadPlan, tally: LoadTally): Promise<void> {
  /** One request as the client sends it: a failure is recorded; a retryable one is sent again (backing off). */
  async function send<T>(kind: Kind, path: string, ok: number, attempt: () => Promise<Answer<T>>): Promise<Answer<T> | undefined> {
    for (let tries = 1; ; tries++) {
      const answer = await attempt()
      tally.requests++
      tally.byKind[kind].requests++
      plan.onRequest?.(tally)
      if (answer.status === ok) return answer
      tally.byKind[kind].failed++
      const failure = { kind, path, status: answer.status, error: answer.error ?? answer.text.slice(0, 200) }
      tally.failures.push(failure)
      if (!RETRYABLE[kind] || tries >= MAX_ATTEMPTS) {
        tally.unrecovered.push(failure)
        return undefined
      }
      await new Promise(resolve => setTimeout(resolve, 100 * tries))
    }
  }

  async function viewPages(viewer: number): Promise<void> {
    for (let i = viewer; !plan.stopped(); i++) {
      const path = plan.pages[i % plan.pages.length]!
      const answer = await send('page', path, 200, () => fetchText(plan.lb + path))
      const state = answer?.headers.get('x-cache') ?? 'none'
      tally.cache[state] = (tally.cache[state] ?? 0) + 1
      const read = plan.apiReads[i % plan.apiReads.length]!
      if (i % 4 === 0) await send('api read', read, 200, () => fetchText(plan.lb + read))
    }
  }

  async function fillGuestCart(guest: Shopper, g: number): Promise<void> {
    for (let i = g; !plan.stopped(); i++) {
      const productId = plan.products[i % plan.products.length]!
      const added = await send('cart add', '/api/cart/items/', 201, () => guest.post(plan.lb, '/api/cart/items/', { product_id: productId, quantity: 1 }))
      if (added) tally.guestCarts[g]![productId] = (tally.guestCarts[g]![productId] ?? 0) + 1
    }
  }

  async function buy(buyer: Shopper, b: number): Promise<void> {
    for (let i = 0; !plan.stopped(); i++) {
      const productId = plan.products[(b + i) % plan.products.length]!
      const added = await send('cart add', '/api/cart/items/', 201, () => buyer.post(plan.lb, '/api/cart/items/', { product_id: productId, quantity: 1 }))
      if (!added) continue
      const key = `cluster-order-${b}-${i}`
      const placed = await send<{ id: number }>('order', '/api/orders/', 201, () => buyer.post(plan.lb, '/api/orders/', ORDER_BODY, { 'idempotency-key': key }))
      if (placed) tally.orders[b]!.set(key, placed.body.id)
    }
  }

  await Promise.all([
    ...Array.from({ length: plan.pageViewers }, (_, viewer) => viewPages(viewer)),
    ...plan.guests.map((guest, g) => fillGuestCart(guest, g)),
    ...plan.buyers.map((buyer, b) => buy(buyer, b)),
  ])
}

/** An anonymous GET (no cookies), the body read in full. */
async function fetchText(url: string): Promise<Answer> {
  try {
    const response = await fetch(url, { redirect: 'manual' })
    const text = await response.text()
    return { status: response.status, headers: response.headers, body: undefined, text }
  }
  catch (error) {
    return { status: 0, headers: new Headers(), body: undefined, text: '', error: (error as { cause?: { code?: string } }).cause?.code ?? String(error) }
  }
}

/** The carts the backend holds for the guests now, as product id -> quantity, read through the load balancer. */
export async function guestCartsNow(lb: string, guests: Shopper[]): Promise<Array<Record<number, number>>> {
  return Promise.all(guests.map(async guest => quantities((await guest.get<{ items: [] }>(lb, '/api/cart/')).body)))
}
