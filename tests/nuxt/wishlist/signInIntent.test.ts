import { afterEach, describe, expect, it } from 'vitest'
import { forgetIntents, INTENT_MAX_AGE_MS, rememberIntent, takeIntents } from '~/composables/wishlist/signInIntent'

const NOW = 1_800_000_000_000
const MUG = { id: 5, title: 'Blue mug' }

afterEach(() => sessionStorage.clear())

describe('sign-in intents (sessionStorage)', () => {
  it('keeps what a signed-out shopper hearted, once per product, and hands it over once', () => {
    expect(rememberIntent(MUG, '/products', NOW)).toBe(true)
    expect(rememberIntent({ id: 9, title: 'Red scarf' }, '/products', NOW + 1)).toBe(true)
    expect(rememberIntent(MUG, '/products', NOW + 2)).toBe(true)
    expect(takeIntents('/products', NOW + 3).map(intent => intent.productId)).toEqual([9, 5])
    expect(takeIntents('/products', NOW + 4)).toEqual([])
  })

  it('is carried out only by the sign-in that comes back to the heart\'s page; any other sign-in drops it', () => {
    rememberIntent(MUG, '/products/5-blue-mug', NOW)
    // Someone signs in from the header of another page of this tab: not the trip the heart started.
    expect(takeIntents('/products', NOW + 1)).toEqual([])
    // And it is gone, not kept for a later sign-in.
    expect(takeIntents('/products/5-blue-mug', NOW + 2)).toEqual([])

    rememberIntent(MUG, '/products/5-blue-mug', NOW)
    expect(takeIntents('/products/5-blue-mug', NOW + 1).map(intent => intent.productId)).toEqual([5])
  })

  it('is not kept without a way back to the heart\'s page', () => {
    expect(rememberIntent(MUG, undefined, NOW)).toBe(false)
    expect(rememberIntent(MUG, '', NOW)).toBe(false)
    expect(takeIntents('', NOW)).toEqual([])
  })

  it('drops intents older than half an hour, and anything that is not an intent', () => {
    rememberIntent(MUG, '/', NOW)
    rememberIntent({ id: 6, title: 'Green cup' }, '/', NOW + INTENT_MAX_AGE_MS)
    expect(takeIntents('/', NOW + INTENT_MAX_AGE_MS + 1).map(intent => intent.productId)).toEqual([6])

    sessionStorage.setItem('sf:wishlist:after-sign-in', JSON.stringify([
      { productId: '7', title: 'x', at: NOW, back: '/' },
      { productId: -1, title: 'y', at: NOW, back: '/' },
      { productId: 8, title: 'no way back', at: NOW },
      { productId: 9, title: 'elsewhere', at: NOW, back: 'https://evil.example/' },
      'z',
    ]))
    expect(takeIntents('/', NOW)).toEqual([])
    sessionStorage.setItem('sf:wishlist:after-sign-in', '{not json')
    expect(takeIntents('/', NOW)).toEqual([])
  })

  it('is forgotten at sign-out', () => {
    rememberIntent(MUG, '/', NOW)
    forgetIntents()
    expect(takeIntents('/', NOW)).toEqual([])
  })
})
