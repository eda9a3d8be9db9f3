import { describe, expect, it } from 'vitest'
import { beginAttempt } from '~/composables/checkout/attempt/attemptMachine'
import { ATTEMPT_STORAGE_KEY, PLACED_REDIRECT_MS, readAttempt, recentlyPlacedOrder, writeAttempt } from '~/composables/checkout/attempt/attemptStorage'
import { CHECKOUT_STORAGE_PREFIX } from '~/utils/checkout/checkoutStorage'
import { request } from './support/fakeShop'

function memoryStorage() {
  const data = new Map<string, string>()
  return {
    data,
    get length() {
      return data.size
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  }
}

const attempt = beginAttempt({ key: 'k-1', request: request(), lines: [{ productId: 1, variantId: null, quantity: 1 }], now: 1000, baseline: null })

describe('the tab\'s attempt in sessionStorage', () => {
  it('reads back what was written', () => {
    const storage = memoryStorage()
    writeAttempt(storage, 7, attempt)
    expect(readAttempt(storage, 7)).toEqual(attempt)
  })

  it('keeps one slot per shopper', () => {
    const storage = memoryStorage()
    writeAttempt(storage, 7, attempt)
    expect(readAttempt(storage, 8)).toBeNull()
    expect([...storage.data.keys()]).toEqual([`${CHECKOUT_STORAGE_PREFIX}attempt:7`])
  })

  it('ignores anything that is not an attempt (an older version, a damaged value, an unfinished attempt without its body)', () => {
    const storage = memoryStorage()
    for (const raw of ['{', '"x"', JSON.stringify({ ...attempt, version: 2 }), JSON.stringify({ ...attempt, phase: 'odd' }), JSON.stringify({ ...attempt, request: null })]) {
      storage.data.set(`${ATTEMPT_STORAGE_KEY}:7`, raw)
      expect(readAttempt(storage, 7)).toBeNull()
    }
  })

  it('keeps working when storage refuses to write (private mode, quota)', () => {
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError') }, removeItem: () => undefined }
    expect(() => writeAttempt(full, 7, attempt)).not.toThrow()
    expect(readAttempt(null, 7)).toBeNull()
  })

  it('sends /checkout to a recently placed order only', () => {
    const placed = { ...attempt, phase: 'placed' as const, orderId: 9, finishedAt: 10_000 }
    expect(recentlyPlacedOrder(placed, 10_000 + PLACED_REDIRECT_MS - 1)).toBe(9)
    expect(recentlyPlacedOrder(placed, 10_000 + PLACED_REDIRECT_MS)).toBeNull()
    expect(recentlyPlacedOrder(attempt, 10_000)).toBeNull()
  })
})
