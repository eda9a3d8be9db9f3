import { afterEach, describe, expect, it, vi } from 'vitest'
import { afterCompleteRead, forgetSeen, readSeen, writeSeen } from '~/stores/wishlist/seenEntries'
import { mapStorage } from '../../support/tabStorage'

// What this browser remembers of the wishlist it showed (stores/wishlist/seenEntries.ts): localStorage, one shopper's.
const ADA = 7
const GRACE = 8

function withStorage(): Map<string, string> {
  const entries = new Map<string, string>()
  vi.stubGlobal('window', { localStorage: mapStorage(entries) })
  return entries
}

afterEach(() => vi.unstubAllGlobals())

describe('the wishlist entries this browser showed', () => {
  it('are one shopper\'s: another shopper\'s are never read back, and go at the next write', () => {
    const stored = withStorage()
    writeSeen(ADA, { 5: 'Blue mug', 9: 'Red scarf' })
    expect(readSeen(ADA)).toEqual({ 5: 'Blue mug', 9: 'Red scarf' })
    expect(readSeen(GRACE)).toEqual({})
    writeSeen(GRACE, { 3: 'Green cup' })
    expect(readSeen(ADA)).toEqual({})
    expect([...stored.values()].join()).not.toContain('Blue mug')
    forgetSeen()
    expect(stored.size).toBe(0)
  })

  it('cannot be read without storage, and ignore what is not theirs', () => {
    expect(readSeen(ADA)).toBeNull()
    const stored = withStorage()
    stored.set('sf-wishlist-seen', JSON.stringify({ 5: { owner: ADA, title: 'Blue mug' }, 6: { owner: '7', title: 'x' }, x: { owner: ADA, title: 'y' }, 8: 'z' }))
    expect(readSeen(ADA)).toEqual({ 5: 'Blue mug' })
    stored.set('sf-wishlist-seen', '{not json')
    expect(readSeen(ADA)).toBeNull()
  })

  it('after a complete read: those it lacks have vanished, unless changed since it was asked for; only what it has is kept', () => {
    const seen = { 1: 'Mug', 2: 'Scarf', 3: 'Cup' }
    expect(afterCompleteRead(seen, new Set([2, 4]), id => id === 3)).toEqual({
      kept: { 2: 'Scarf', 3: 'Cup' },
      vanished: [{ productId: 1, title: 'Mug' }],
    })
  })
})
