import { describe, expect, it } from 'vitest'
import { wishlistGoneMessage } from '~/composables/wishlist/wishlistGoneMessage'
import { noLongerSold } from '~/stores/wishlist/goneEntries'
import { apiError, createFakeApi } from '../../support/fakeApi'
import { seed } from '../../support/fixtures'

// Which vanished wishlist entries the shop no longer sells (stores/wishlist/goneEntries.ts), and how it is said
// (composables/wishlist/wishlistGoneMessage.ts).
const mug = { productId: 1, title: 'Blue mug' }
const scarf = { productId: 2, title: 'Red scarf' }
const cup = { productId: 3, title: 'Green cup' }

describe('wishlist entries no longer sold', () => {
  it('are those the catalog answers 404 for; a product still sold or a failed lookup says nothing', async () => {
    const fake = createFakeApi()
      .on('GET', '/products/1/', apiError(404, 'Not found.'))
      .on('GET', '/products/2/', seed.detailDto(2))
      .on('GET', '/products/3/', apiError(503, 'Service temporarily unavailable.'))
    expect(await noLongerSold([mug, scarf, cup], fake.api, new AbortController().signal)).toEqual([mug])
    expect(fake.calls.map(call => call.path)).toEqual(['/products/1/', '/products/2/', '/products/3/'])
  })

  it('are named in one sentence', () => {
    expect(wishlistGoneMessage([mug])).toBe('Blue mug is no longer available and was removed from your wishlist.')
    expect(wishlistGoneMessage([mug, scarf])).toBe('Blue mug and Red scarf are no longer available and were removed from your wishlist.')
    expect(wishlistGoneMessage([mug, scarf, cup])).toBe('Blue mug, Red scarf and Green cup are no longer available and were removed from your wishlist.')
  })
})
