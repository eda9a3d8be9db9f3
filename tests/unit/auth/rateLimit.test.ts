import { describe, expect, it } from 'vitest'
import { createStorage } from 'unstorage'
import { hitRateLimit, refundRateLimit } from '~/server/utils/rate-limit/fixedWindow'
import { expiringStore } from '~/server/utils/auth/expiringStore'
import { DEFAULT_RATE_LIMITS, rateLimitCounts } from '~/server/utils/auth/deps'

function clock(start = 1_000_000) {
  let now = start
  return { now: () => now, advance: (ms: number) => void (now += ms) }
}

describe('hitRateLimit', () => {
  const rule = { limit: 3, windowMs: 60_000 }

  it('allows the limit, refuses the next with the seconds left in the window, and opens again after it', async () => {
    const storage = createStorage()
    const time = clock()
    const results = []
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit(storage, 'k', rule, time.now))
    expect(results.map(r => r.allowed)).toEqual([true, true, true, false])
    expect(results.map(r => r.remaining)).toEqual([2, 1, 0, 0])
    expect(results[3]!.retryAfterS).toBe(60)
    time.advance(45_500)
    expect(await hitRateLimit(storage, 'k', rule, time.now)).toMatchObject({ allowed: false, retryAfterS: 15 })
    time.advance(14_500)
    expect(await hitRateLimit(storage, 'k', rule, time.now)).toMatchObject({ allowed: true, remaining: 2 })
  })

  it('keeps keys apart', async () => {
    const storage = createStorage()
    const time = clock()
    for (let i = 0; i < 3; i++) await hitRateLimit(storage, 'a', rule, time.now)
    expect((await hitRateLimit(storage, 'a', rule, time.now)).allowed).toBe(false)
    expect((await hitRateLimit(storage, 'b', rule, time.now)).allowed).toBe(true)
  })

  it('gives an attempt back on refund, never below zero', async () => {
    const storage = createStorage()
    const time = clock()
    await refundRateLimit(storage, 'k', time.now)
    for (let i = 0; i < 3; i++) await hitRateLimit(storage, 'k', rule, time.now)
    await refundRateLimit(storage, 'k', time.now)
    expect((await hitRateLimit(storage, 'k', rule, time.now)).allowed).toBe(true)
    expect((await hitRateLimit(storage, 'k', rule, time.now)).allowed).toBe(false)
  })
})

describe('expiringStore', () => {
  it('forgets entries after their time even on a driver without TTL', async () => {
    const storage = createStorage()
    const time = clock()
    const store = expiringStore<string>(storage, time.now)
    await store.set('x', 'value', 1_000)
    expect(await store.get('x')).toBe('value')
    time.advance(1_000)
    expect(await store.get('x')).toBeUndefined()
    expect(await storage.hasItem('x')).toBe(false)
  })
})

describe('rateLimitCounts', () => {
  it('takes positive integers from runtime config and keeps the defaults otherwise', () => {
    expect(rateLimitCounts({ register: 100, loginPerAccount: '0', loginPerAddress: 'x', passwordResetPerAccount: '2' })).toEqual({
      ...DEFAULT_RATE_LIMITS,
      register: { limit: 100, windowMs: 60_000 },
      // A count only: each limit keeps its own window.
      passwordResetPerAccount: { limit: 2, windowMs: 15 * 60_000 },
    })
    expect(rateLimitCounts(undefined)).toEqual(DEFAULT_RATE_LIMITS)
  })
})
