import { describe, expect, it } from 'vitest'
import { ATTEMPT_LIMITS, type OrderAttempt } from '~/composables/checkout/attempt/attemptMachine'
import { checkAttempt, submitOrder, type RunResult, type Submission } from '~/composables/checkout/attempt/runAttempt'
import { createFakeShop, request, type Flavour } from './support/fakeShop'

// One order per attempt against every idempotency flavour the storefront meets, whatever the network does.

const FLAVOURS: Flavour[] = ['demo', 'django-idempotency-key', 'stripe', 'ietf']

function submission(shop: ReturnType<typeof createFakeShop>, paymentToken = 'tok_visa'): Submission {
  return { request: request(paymentToken), lines: shop.cart.map(l => ({ ...l })), baseline: shop.orders.at(-1)?.id ?? null }
}

describe.each(FLAVOURS)('%s backend', (flavour) => {
  it('places one order', async () => {
    const shop = createFakeShop(flavour)
    const deps = shop.deps()
    const { outcome, attempt } = await submitOrder(null, submission(shop), deps)
    expect(outcome).toMatchObject({ kind: 'placed', orderId: shop.orders[0]!.id })
    expect(shop.orders).toHaveLength(1)
    expect(attempt).toMatchObject({ phase: 'placed', request: null, sends: 1 })
  })

  it('an answer lost after the order was made: finds the order, sends nothing more', async () => {
    const shop = createFakeShop(flavour)
    shop.network = ['drop-answer']
    const deps = shop.deps()
    const { outcome } = await submitOrder(null, submission(shop), deps)
    expect(outcome).toMatchObject({ kind: 'placed', orderId: shop.orders[0]!.id })
    expect(shop.orders).toHaveLength(1)
    expect(shop.sends).toHaveLength(1)
  })

  it('a request lost on the way: looks, finds nothing, sends again with the same key and body', async () => {
    const shop = createFakeShop(flavour)
    shop.network = ['drop-request', 'drop-request']
    const deps = shop.deps()
    const { outcome } = await submitOrder(null, submission(shop), deps)
    expect(outcome.kind).toBe('placed')
    expect(shop.orders).toHaveLength(1)
    expect(new Set(shop.sends.map(s => s.key))).toEqual(new Set(['key-1']))
    expect(new Set(shop.sends.map(s => s.body)).size).toBe(1)
    expect(deps.waits).toEqual([ATTEMPT_LIMITS.retryBaseMs, ATTEMPT_LIMITS.retryBaseMs * 2])
  })

  it('a reload while sending: the check after it finds the order the lost request made', async () => {
    const shop = createFakeShop(flavour)
    // The page went away mid-send: the request reached the backend, the attempt was left in "sending".
    const sending: OrderAttempt = { ...(await begin(shop)), phase: 'sending', sends: 1 }
    await shop.deps().send(sending.key, sending.request!)
    const { outcome } = await checkAttempt(sending, shop.deps())
    expect(outcome).toMatchObject({ kind: 'placed', orderId: shop.orders[0]!.id })
    expect(shop.orders).toHaveLength(1)
    expect(shop.sends).toHaveLength(1)
  })

  it('a reload before the request left: the check finds nothing and does not send; placing again reuses the key', async () => {
    const shop = createFakeShop(flavour)
    const deps = shop.deps()
    const sending: OrderAttempt = { ...(await begin(shop)), phase: 'sending', sends: 1, sentAt: deps.now() }
    // Not placed is said only once the request cannot be running any more (attemptReload.test.ts).
    const checked = await new Promise<RunResult>(resolve => void checkAttempt(sending, deps, resolve))
    expect(checked.outcome).toMatchObject({ kind: 'not-placed' })
    expect(shop.sends).toHaveLength(0)
    const placed = await submitOrder(checked.attempt, submission(shop), shop.deps())
    expect(placed.outcome.kind).toBe('placed')
    expect(shop.sends.map(s => s.key)).toEqual([sending.key])
    expect(shop.orders).toHaveLength(1)
  })

  it('a second press after success (back button, double click) shows the order and sends nothing', async () => {
    const shop = createFakeShop(flavour)
    const first = await submitOrder(null, submission(shop), shop.deps())
    const again = await submitOrder(first.attempt, { ...submission(shop), lines: first.attempt.lines }, shop.deps())
    expect(again.outcome).toMatchObject({ kind: 'placed', orderId: shop.orders[0]!.id })
    expect(shop.sends).toHaveLength(1)
  })

  it('declined: the key is retired; another card makes exactly one order with a new key', async () => {
    const shop = createFakeShop(flavour)
    const declined = await submitOrder(null, submission(shop, 'tok_chargeDeclined'), shop.deps())
    expect(declined.outcome).toMatchObject({ kind: 'refused', refusal: { reason: 'declined' } })
    expect(declined.attempt).toMatchObject({ phase: 'refused', request: null })
    const paid = await submitOrder(declined.attempt, submission(shop), shop.deps())
    expect(paid.outcome.kind).toBe('placed')
    expect(shop.orders).toHaveLength(1)
    expect(new Set(shop.sends.map(s => s.key)).size).toBe(2)
  })

  it('sold out before the first answer: refused with the lines, nothing ordered, no lookup', async () => {
    const shop = createFakeShop(flavour, { stockLeft: 1 })
    let looked = 0
    const deps = shop.deps({ findOrder: async () => (looked++, null) })
    const { outcome } = await submitOrder(null, submission(shop), deps)
    expect(outcome).toMatchObject({ kind: 'refused', refusal: { reason: 'out-of-stock', lines: [{ productId: 7, requested: 2, available: 1 }] } })
    expect(shop.orders).toHaveLength(0)
    expect(looked).toBe(0)
  })
})

describe('what differs between flavours', () => {
  it('django-idempotency-key: a refreshed token after a lost answer would be a new request, so the order is looked for first', async () => {
    // The cart is not emptied by this backend: without the lookup, the second send would make a second order.
    const shop = createFakeShop('django-idempotency-key', { keepCart: true })
    shop.network = ['drop-answer']
    const deps = shop.deps({
      findOrder: async (attempt) => {
        shop.token = 'access-2'
        return shop.deps().findOrder(attempt)
      },
    })
    const { outcome } = await submitOrder(null, submission(shop), deps)
    expect(outcome.kind).toBe('placed')
    expect(shop.orders).toHaveLength(1)
    expect(shop.sends).toHaveLength(1)
  })

  it('django-idempotency-key: a replay (409 with the original body) is the order', async () => {
    const shop = createFakeShop('django-idempotency-key')
    // Two tabs of the same attempt: the second gets the replay.
    const attempt = await begin(shop)
    const [first, second] = [submission(shop), submission(shop)]
    const [a, b] = await Promise.all([submitOrder(attempt, first, shop.deps()), submitOrder(attempt, second, shop.deps())])
    expect([a.outcome, b.outcome]).toMatchObject([{ kind: 'placed', orderId: 100 }, { kind: 'placed', orderId: 100 }])
    expect(shop.orders).toHaveLength(1)
  })

  it('django-idempotency-key: the refusal a refreshed retry gets (the cart is empty now) gives way to the order found', async () => {
    const shop = createFakeShop('django-idempotency-key')
    shop.network = ['drop-answer']
    let looks = 0
    const deps = shop.deps({
      // The first look cannot see the order yet (a replica behind); the retry, with a new token, is a new request.
      findOrder: async attempt => (++looks === 1 ? (shop.token = 'access-2', null) : shop.deps().findOrder(attempt)),
    })
    const { outcome } = await submitOrder(null, submission(shop), deps)
    expect(outcome).toMatchObject({ kind: 'placed', orderId: 100 })
    expect(shop.sends.map(s => s.token)).toEqual(['access-1', 'access-2'])
    expect(shop.orders).toHaveLength(1)
  })

  it('stripe: a stored 500 is replayed for the key; after looking twice the key is given up and a new one orders once', async () => {
    const shop = createFakeShop('stripe')
    shop.serverErrors = 1
    const first = await submitOrder(null, submission(shop), shop.deps())
    expect(first.outcome).toMatchObject({ kind: 'refused', refusal: { reason: 'server-error' } })
    expect(shop.sends.map(s => s.key)).toEqual(['key-1', 'key-1'])
    expect(shop.orders).toHaveLength(0)
    const second = await submitOrder(first.attempt, submission(shop), shop.deps())
    expect(second.outcome.kind).toBe('placed')
    expect(shop.orders).toHaveLength(1)
  })

  it('stripe: a stored decline is replayed, so the same card with a new attempt is declined again and a new card orders', async () => {
    const shop = createFakeShop('stripe')
    const declined = await submitOrder(null, submission(shop, 'tok_chargeDeclined'), shop.deps())
    const again = await submitOrder(declined.attempt, submission(shop, 'tok_chargeDeclined'), shop.deps())
    expect(again.outcome).toMatchObject({ kind: 'refused', refusal: { reason: 'declined' } })
    expect(again.attempt.key).not.toBe(declined.attempt.key)
    expect((await submitOrder(again.attempt, submission(shop), shop.deps())).outcome.kind).toBe('placed')
    expect(shop.orders).toHaveLength(1)
  })

  it('ietf: 409 while the first request is in flight: pauses and sends the same key again', async () => {
    const shop = createFakeShop('ietf')
    shop.inFlight = 2
    const deps = shop.deps()
    const { outcome } = await submitOrder(null, submission(shop), deps)
    expect(outcome.kind).toBe('placed')
    expect(deps.waits).toEqual([ATTEMPT_LIMITS.busyBaseMs, ATTEMPT_LIMITS.busyBaseMs * 2])
    expect(new Set(shop.sends.map(s => s.key)).size).toBe(1)
    expect(shop.orders).toHaveLength(1)
  })

  it('ietf: 422 for a key reused with another body: looks for its order, then the next submission starts over', async () => {
    const shop = createFakeShop('ietf')
    // Another tab (a duplicated one shares the stored attempt) placed an order with this key and another address.
    const attempt = await begin(shop)
    await shop.deps().send(attempt.key, { ...request(), address: { ...request().address, line1: '1 Elsewhere' } })
    shop.cart = [{ productId: 7, variantId: null, quantity: 2 }]
    const conflicted = await submitOrder(attempt, submission(shop), shop.deps())
    expect(conflicted.outcome).toMatchObject({ kind: 'refused', refusal: { reason: 'key-conflict' } })
    const fresh = await submitOrder(conflicted.attempt, submission(shop), shop.deps())
    expect(fresh.outcome.kind).toBe('placed')
    expect(fresh.attempt.key).not.toBe(attempt.key)
    expect(shop.orders).toHaveLength(2)
  })

  it('demo: a 409 for a key used with another body is waited on, then given up after looking', async () => {
    const shop = createFakeShop('demo')
    const attempt = await begin(shop)
    await shop.deps().send(attempt.key, { ...request('tok_amex'), address: { ...request().address, line1: '9 Other Road' } })
    shop.cart = [{ productId: 7, variantId: null, quantity: 2 }]
    const deps = shop.deps()
    const conflicted = await submitOrder(attempt, submission(shop), deps)
    expect(conflicted.outcome).toMatchObject({ kind: 'refused', refusal: { reason: 'key-conflict' } })
    expect(deps.waits).toHaveLength(ATTEMPT_LIMITS.busyInARow)
    expect(shop.orders).toHaveLength(1)
  })
})

async function begin(shop: ReturnType<typeof createFakeShop>): Promise<OrderAttempt> {
  const { beginAttempt } = await import('~/composables/checkout/attempt/attemptMachine')
  return beginAttempt({ key: 'key-0', request: request(), lines: shop.cart, now: Date.parse('2026-03-01T10:00:00Z'), baseline: null })
}
