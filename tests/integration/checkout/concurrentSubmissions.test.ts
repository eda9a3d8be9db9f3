import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { beginAttempt } from '~/composables/checkout/attempt/attemptMachine'
import { newIdempotencyKey } from '~/composables/checkout/attempt/idempotencyKey'
import { runAttempt } from '~/composables/checkout/attempt/runAttempt'
import { DEMO_PROFILES, type DemoProfileName } from '~/tests/mocks/profile'
import { startDemoApi, type RunningDemoApi } from '~/tests/mocks/testing/startDemoApi'
import { ADDRESS, attemptDeps, shopperWithCart } from './support/shopper'

// 100 submissions of one attempt at once (a frantic double click, a hundred tabs restored with the same attempt),
// through the storefront's transport, order service and attempt runner, against the demo backend answering as
// each idempotency implementation does: exactly one order every time.

const PROFILES: DemoProfileName[] = ['standard', 'idempotency-django', 'idempotency-stripe', 'idempotency-ietf']

describe.each(PROFILES)('100 concurrent submissions of one attempt (%s)', (profile) => {
  let demo: RunningDemoApi
  beforeAll(async () => {
    demo = await startDemoApi({ seedProducts: 40, faults: false, profile: DEMO_PROFILES[profile] })
  })
  afterAll(async () => {
    await demo?.close()
  })

  it('make exactly one order, and every submission ends on it', async () => {
    const shopper = await shopperWithCart(demo, 2)
    const attempt = beginAttempt({
      key: newIdempotencyKey(),
      request: { address: ADDRESS, shippingMethodId: 1, paymentToken: 'tok_visa' },
      lines: shopper.lines,
      now: Date.now(),
      baseline: null,
    })
    // Waits scaled down: the IETF and Stripe flavours answer 409 to the 99 that meet the first one in flight.
    const results = await Promise.all(Array.from({ length: 100 }, () => runAttempt(attempt, attemptDeps(shopper.orders, 0.2), 'submit')))

    const made = demo.backend.db.orders.filter(o => o.userId === demo.backend.db.userIdByEmail.get(shopper.email))
    expect(made).toHaveLength(1)
    expect(new Set(results.map(r => r.outcome.kind))).toEqual(new Set(['placed']))
    expect(new Set(results.map(r => (r.outcome.kind === 'placed' ? r.outcome.orderId : null)))).toEqual(new Set([made[0]!.id]))
    // Each flavour answered the others in its own way (kept answers / replays), not the demo's.
    expect(demo.backend.db.idempotentAnswers.size).toBe(profile === 'standard' ? 0 : 1)
    const listed = await shopper.orders.list()
    expect(listed.items.map(o => o.id)).toEqual([made[0]!.id])
  })
})
