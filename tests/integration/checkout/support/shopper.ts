import { $fetch } from 'ofetch'
import { createApiCore } from '~/composables/core/api/createApiCore'
import * as transport from '~/composables/core/api/transport'
import { findAttemptOrder } from '~/composables/checkout/attempt/orderMatch'
import type { AttemptDeps } from '~/composables/checkout/attempt/runAttempt'
import type { OrderAttempt, OrderedLine } from '~/composables/checkout/attempt/attemptMachine'
import { newIdempotencyKey } from '~/composables/checkout/attempt/idempotencyKey'
import { cartService } from '~/services/cartService'
import { orderService } from '~/services/orderService'
import type { RunningDemoApi } from '~/tests/mocks/testing/startDemoApi'

export const ADDRESS = { fullName: 'Grace Hopper', line1: '1 Harvard Yard', line2: '', city: 'Cambridge', postalCode: '02138', country: 'US', phone: '' }

let counter = 0

/** A freshly registered shopper with a cart, and the storefront's own transport and services signed in as them. */
export async function shopperWithCart(demo: RunningDemoApi, quantity = 1) {
  counter++
  const email = `checkout-${Date.now()}-${counter}@example.com`
  await $fetch(`${demo.url}/auth/register/`, { method: 'POST', body: { email, password: 'a-long-password-1', first_name: 'Grace', last_name: 'Hopper' } })
  const { access } = await $fetch<{ access: string }>(`${demo.url}/auth/token/`, { method: 'POST', body: { email, password: 'a-long-password-1' } })
  const { api, session } = createApiCore({ fetch: $fetch, baseURL: demo.url, locks: null, loadTransport: async () => transport, retry: { baseDelayMs: 5 } })
  session.setAccessToken(access)
  const product = demo.backend.db.products.find(p => !p.variants && p.stock >= 10)!
  const cart = await cartService(api).addLine({ productId: product.id, quantity })
  const lines: OrderedLine[] = cart.lines.map(l => ({ productId: l.productId, variantId: l.variantId, quantity: l.quantity }))
  return { api, access, email, orders: orderService(api), lines, product }
}

/** The runner's dependencies on the real services; one memory slot per "tab". */
export function attemptDeps(orders: ReturnType<typeof orderService>, waitScale = 1): AttemptDeps & { saved: () => OrderAttempt | null } {
  let saved: OrderAttempt | null = null
  return {
    send: (key, request) => orders.place(request, { idempotencyKey: key }),
    findOrder: async attempt => findAttemptOrder((await orders.list({ pageSize: 10 })).items, attempt),
    save: (attempt) => {
      saved = attempt
    },
    wait: ms => new Promise(resolve => setTimeout(resolve, ms * waitScale)),
    now: () => Date.now(),
    newKey: () => newIdempotencyKey(),
    saved: () => saved,
  }
}
