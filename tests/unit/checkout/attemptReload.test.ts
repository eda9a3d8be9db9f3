import { describe, expect, it } from 'vitest'
import { ATTEMPT_LIMITS, beginAttempt, type OrderAttempt } from '~/composables/checkout/attempt/attemptMachine'
import { checkAttempt, submitOrder, type RunResult } from '~/composables/checkout/attempt/runAttempt'
import { createFakeShop, request } from './support/fakeShop'

// A reload while "Place order" was sending: the request may still be running at the backend (a slow POST /orders/),
// so the check after the reload must not say "not placed" until it cannot be running any more. The fake shop's
// clock moves only with the runner's waits: no real time passes.

type Shop = ReturnType<typeof createFakeShop>

/** The attempt as a reload finds it: saved as "sending", its POST sent `ago` ms before the check (shop clock). */
function sentBeforeReload(shop: Shop, ago = 1_000): OrderAttempt {
  const now = shop.deps().now()
  const begun = beginAttempt({ key: 'key-0', request: request(), lines: shop.cart, now: now - ago - 60_000, baseline: null })
  return { ...begun, phase: 'sending', sends: 1, sentAt: now - ago }
}

/** The check after the reload: its first answer, and a promise of where it ends. */
async function check(attempt: OrderAttempt, deps: ReturnType<Shop['deps']>) {
  let end!: (result: RunResult) => void
  const ended = new Promise<RunResult>((resolve) => {
    end = resolve
  })
  const first = await checkAttempt(attempt, deps, end)
  return { first, ended }
}

describe('a check after a reload while the order was being sent', () => {
  it('says it is still confirming, keeps looking, and ends on the order once the slow request made it', async () => {
    const shop = createFakeShop('demo')
    const attempt = sentBeforeReload(shop)
    const looks: number[] = []
    const deps = shop.deps()
    const watched = shop.deps({
      findOrder: async (a) => {
        looks.push(deps.now())
        return deps.findOrder(a)
      },
      // The request sent before the reload reaches the backend's handler during the second pause.
      wait: async (ms) => {
        await deps.wait(ms)
        if (deps.waits.length === 2) await shop.deps().send(attempt.key, attempt.request!)
      },
      now: deps.now,
    })
    const { first, ended } = await check(attempt, watched)

    expect(first.outcome).toMatchObject({ kind: 'confirming', retryInMs: ATTEMPT_LIMITS.recheckMs })
    expect(first.outcome).toHaveProperty('message', expect.stringContaining('still confirming your order'))
    const last = await ended
    expect(last.outcome).toMatchObject({ kind: 'placed', orderId: shop.orders[0]!.id })
    expect(last.attempt).toMatchObject({ phase: 'placed', key: 'key-0', request: null })
    expect(looks).toHaveLength(3)
    expect(deps.waits).toEqual([ATTEMPT_LIMITS.recheckMs, ATTEMPT_LIMITS.recheckMs])
    // Only the request from before the reload: the check never sends.
    expect(shop.sends).toHaveLength(1)
    expect(shop.orders).toHaveLength(1)
  })

  it('without an order, says "not placed" only once the window since the send has passed, and sends nothing', async () => {
    const shop = createFakeShop('demo')
    const attempt = sentBeforeReload(shop, 1_000)
    const deps = shop.deps()
    const start = deps.now()
    const { first, ended } = await check(attempt, deps)
    expect(first.outcome.kind).toBe('confirming')

    const last = await ended
    expect(last.outcome).toMatchObject({ kind: 'not-placed', message: expect.stringContaining('not placed yet') })
    // Looked every 2 s until the window (counted from the send, not from the reload) was over, the last pause cut short.
    const window = ATTEMPT_LIMITS.inFlightMs - 1_000
    expect(deps.waits.reduce((sum, ms) => sum + ms, 0)).toBe(window)
    expect(deps.waits.every(ms => ms > 0 && ms <= ATTEMPT_LIMITS.recheckMs)).toBe(true)
    expect(deps.now() - start).toBe(window)
    expect(shop.sends).toHaveLength(0)

    // Placing it then sends the same key: one attempt, one key.
    const placed = await submitOrder(last.attempt, { request: request(), lines: shop.cart, baseline: null }, shop.deps())
    expect(placed.outcome.kind).toBe('placed')
    expect(shop.sends.map(s => s.key)).toEqual(['key-0'])
  })

  it('the window runs from the last send (or, in an attempt saved before that was kept, from its start)', async () => {
    const shop = createFakeShop('demo')
    const recent = sentBeforeReload(shop, 500)
    expect(shop.deps().now() - recent.startedAt).toBeGreaterThan(ATTEMPT_LIMITS.inFlightMs)
    expect((await check(recent, shop.deps())).first.outcome).toMatchObject({ kind: 'confirming', retryInMs: ATTEMPT_LIMITS.recheckMs })

    // Sent longer ago than the window: "not placed" at once, no looking on.
    const deps = shop.deps()
    expect((await check(sentBeforeReload(shop, ATTEMPT_LIMITS.inFlightMs), deps)).first.outcome.kind).toBe('not-placed')
    expect(deps.waits).toEqual([])
    const { sentAt: _unknown, ...old } = sentBeforeReload(shop)
    expect((await check(old as OrderAttempt, shop.deps())).first.outcome.kind).toBe('not-placed')
  })

  it('stops looking once the page that asked is gone', async () => {
    const shop = createFakeShop('demo')
    let open = true
    const base = shop.deps()
    let looks = 0
    const deps = shop.deps({
      watching: () => open,
      findOrder: async (a) => {
        looks++
        return base.findOrder(a)
      },
      wait: async (ms) => {
        await base.wait(ms)
        open = false
      },
    })
    let ended = false
    const first = await checkAttempt(sentBeforeReload(shop), deps, () => {
      ended = true
    })
    expect(first.outcome.kind).toBe('confirming')
    await new Promise(resolve => setImmediate(resolve))
    expect(looks).toBe(1)
    expect(ended).toBe(false)
  })

  it('a changed submission while the old request may still run does not start a new key', async () => {
    const shop = createFakeShop('demo')
    const changed = await submitOrder(sentBeforeReload(shop), { request: request('tok_amex'), lines: shop.cart, baseline: null }, shop.deps())
    expect(changed.outcome.kind).toBe('unconfirmed')
    expect(shop.sends).toHaveLength(0)
  })

  it('records when each POST goes out', async () => {
    const shop = createFakeShop('demo')
    const deps = shop.deps()
    const sentAt = deps.now()
    await submitOrder(null, { request: request(), lines: shop.cart, baseline: null }, deps)
    expect(deps.saved.find(a => a.phase === 'sending')).toMatchObject({ sends: 1, sentAt })
  })
})
