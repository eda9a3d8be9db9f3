import { afterEach, describe, expect, it } from 'vitest'
import { forgetIntents, INTENT_MAX_AGE_MS, rememberIntent, takeIntents } from '~/composables/wishlist/signInIntent'

const NOW = 1_800_000_000_000

afterEach(() => sessionStorage.clear())

describe('sign-in intents (sessionStorage)', () => {
  it('keeps what a signed-out shopper hearted, once per product, and hands it over once', () => {
    expect(rememberIntent({ id: 5, title: 'Blue mug' }, NOW)).toBe(true)
    expect(rememberIntent({ id: 9, title: 'Red scarf' }, NOW + 1)).toBe(true)
    expect(rememberIntent({ id: 5, title: 'Blue mug' }, NOW + 2)).toBe(true)
    expect(takeIntents(NOW + 3).map(intent => intent.productId)).toEqual([9, 5])
    expect(takeIntents(NOW + 4)).toEqual([])
  })

  it('drops intents older than half an hour, and anything that is not an intent', () => {
    rememberIntent({ id: 5, title: 'Blue mug' }, NOW)
    rememberIntent({ id: 6, title: 'Green cup' }, NOW + INTENT_MAX_AGE_MS)
    expect(takeIntents(NOW + INTENT_MAX_AGE_MS + 1).map(intent => intent.productId)).toEqual([6])

    sessionStorage.setItem('sf:wishlist:after-sign-in', JSON.stringify([{ productId: '7', title: 'x', at: NOW }, { productId: -1, title: 'y', at: NOW }, 'z']))
    expect(takeIntents(NOW)).toEqual([])
    sessionStorage.setItem('sf:wishlist:after-sign-in', '{not json')
    expect(takeIntents(NOW)).toEqual([])
  })

  it('is forgotten at sign-out', () => {
    rememberIntent({ id: 5, title: 'Blue mug' }, NOW)
    forgetIntents()
    expect(takeIntents(NOW)).toEqual([])
  })
})
