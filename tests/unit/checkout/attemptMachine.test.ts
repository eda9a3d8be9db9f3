import { describe, expect, it } from 'vitest'
import {
  ATTEMPT_LIMITS, afterAnswer, beginAttempt, fingerprintFor, planSubmission, type OrderAttempt,
} from '~/composables/checkout/attempt/attemptMachine'
import { canonicalJson, fingerprintOf } from '~/composables/checkout/attempt/fingerprint'
import { newIdempotencyKey } from '~/composables/checkout/attempt/idempotencyKey'
import { submitOrder } from '~/composables/checkout/attempt/runAttempt'
import { createFakeShop, request } from './support/fakeShop'

const LINES = [{ productId: 7, variantId: null, quantity: 2 }, { productId: 3, variantId: 31, quantity: 1 }]

function attempt(changes: Partial<OrderAttempt> = {}): OrderAttempt {
  return { ...beginAttempt({ key: 'k', request: request(), lines: LINES, now: 0, baseline: null }), ...changes }
}

describe('fingerprint', () => {
  it('is the same for the same submission whatever the key or line order, and changes with any part of it', () => {
    const base = fingerprintFor(request(), LINES)
    expect(fingerprintFor({ paymentToken: 'tok_visa', shippingMethodId: 1, address: { ...request().address } }, [...LINES].reverse())).toBe(base)
    expect(fingerprintFor(request('tok_amex'), LINES)).not.toBe(base)
    expect(fingerprintFor(request('tok_visa', 2), LINES)).not.toBe(base)
    expect(fingerprintFor({ ...request(), address: { ...request().address, city: 'Leeds' } }, LINES)).not.toBe(base)
    expect(fingerprintFor(request(), [{ ...LINES[0]!, quantity: 3 }, LINES[1]!])).not.toBe(base)
    expect(base).toMatch(/^[0-9a-f]{28}$/)
  })

  it('canonical JSON sorts keys at every depth and leaves undefined members out', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: undefined }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"f":1}]},"b":1}')
    expect(fingerprintOf({ a: 1, b: 2 })).toBe(fingerprintOf({ b: 2, a: 1 }))
  })
})

describe('idempotency keys', () => {
  it('are UUID v4 also where crypto.randomUUID is missing (plain HTTP)', () => {
    const key = newIdempotencyKey({ getRandomValues: <T extends ArrayBufferView | null>(array: T) => crypto.getRandomValues(array as unknown as Uint8Array) as unknown as T })
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey())
  })
})

describe('planSubmission', () => {
  const same = attempt().fingerprint
  it.each([
    ['no attempt', null, same, 'new'],
    ['refused attempt', attempt({ phase: 'refused' }), same, 'new'],
    ['placed, same submission', attempt({ phase: 'placed', orderId: 4 }), same, 'show-order'],
    ['placed, a new cart', attempt({ phase: 'placed', orderId: 4 }), 'changed', 'new'],
    ['unfinished, same submission', attempt({ phase: 'retrying', sends: 1 }), same, 'continue'],
    ['unfinished and sent, changed', attempt({ phase: 'waiting', sends: 2 }), 'changed', 'look-then-new'],
    ['never sent, changed', attempt({ phase: 'ready' }), 'changed', 'new'],
  ] as const)('%s: %s', (_name, current, fingerprint, plan) => {
    expect(planSubmission(current, fingerprint)).toBe(plan)
  })
})

describe('transitions', () => {
  it('a signed-out answer stops and keeps the attempt for after sign-in (uncertain if an answer was lost)', () => {
    const fresh = afterAnswer(attempt({ phase: 'sending', sends: 1 }), { kind: 'unauthorized', message: 'Sign in' }, 5)
    expect(fresh).toMatchObject({ attempt: { phase: 'ready', key: 'k' }, step: { do: 'stop', outcome: { kind: 'signed-out' } } })
    const afterLoss = afterAnswer(attempt({ phase: 'sending', sends: 2, lost: 1 }), { kind: 'unauthorized', message: 'Sign in' }, 5)
    expect(afterLoss.attempt.phase).toBe('uncertain')
  })

  it('a refusal after a lost answer is believed only once no order turns up', () => {
    const { attempt: next, step } = afterAnswer(attempt({ phase: 'sending', lost: 1, sends: 2 }), { kind: 'rejected', message: 'Your cart is empty.' }, 5)
    expect(step).toEqual({ do: 'lookup' })
    expect(next).toMatchObject({ phase: 'uncertain', refusal: { reason: 'rejected' } })
  })
})

describe('runs', () => {
  it('gives up for now after a few sends without any answer, keeping the key, and waits longer each time', async () => {
    const shop = createFakeShop('demo')
    shop.network = Array.from({ length: 20 }, () => 'drop-request' as const)
    const deps = shop.deps()
    const { outcome, attempt: left } = await submitOrder(null, { request: request(), lines: shop.cart, baseline: null }, deps)
    expect(outcome.kind).toBe('unconfirmed')
    expect(shop.sends).toHaveLength(ATTEMPT_LIMITS.sendsPerRun)
    expect(deps.waits).toEqual([1_000, 2_000, 4_000, 8_000, 8_000])
    expect(left).toMatchObject({ phase: 'retrying', key: 'key-1' })
    shop.network = []
    const later = await submitOrder(left, { request: request(), lines: shop.cart, baseline: null }, shop.deps())
    expect(later.outcome.kind).toBe('placed')
    expect(new Set(shop.sends.map(s => s.key))).toEqual(new Set(['key-1']))
  })

  it('does not send again when the orders cannot be read after a lost answer', async () => {
    const shop = createFakeShop('demo')
    shop.network = ['drop-request']
    const deps = shop.deps({ findOrder: () => Promise.reject(new Error('offline')) })
    const { outcome, attempt: left } = await submitOrder(null, { request: request(), lines: shop.cart, baseline: null }, deps)
    expect(outcome.kind).toBe('unconfirmed')
    expect(shop.sends).toHaveLength(1)
    expect(left.phase).toBe('uncertain')
  })

  it('saves the attempt as "sending" before every send', async () => {
    const shop = createFakeShop('demo')
    const phases: string[] = []
    const deps = shop.deps()
    await submitOrder(null, { request: request(), lines: shop.cart, baseline: null }, {
      ...deps,
      save: a => void phases.push(a.phase),
      send: async (key, body) => (phases.push('POST'), deps.send(key, body)),
    })
    expect(phases).toEqual(['ready', 'sending', 'POST', 'placed'])
  })

  it('a changed submission after a lost answer looks for the first order before starting over', async () => {
    const shop = createFakeShop('demo')
    shop.network = ['drop-answer']
    const first = await submitOrder(null, { request: request(), lines: shop.cart, baseline: null }, shop.deps({ findOrder: () => Promise.reject(new Error('offline')) }))
    expect(first.outcome.kind).toBe('unconfirmed')
    const changed = await submitOrder(first.attempt, { request: request('tok_amex'), lines: LINES, baseline: null }, shop.deps())
    expect(changed.outcome).toMatchObject({ kind: 'placed', orderId: shop.orders[0]!.id })
    expect(shop.orders).toHaveLength(1)
  })
})
