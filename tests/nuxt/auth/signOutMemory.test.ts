import { describe, expect, it } from 'vitest'
import { RECENT_SEARCHES_KEY } from '~/composables/search/useRecentSearches'
import { useSignOut } from '~/composables/auth/useSignOut'
import { useAuthStore } from '~/stores/auth'
import { SEEN_LINES_KEY, writeSnapshot } from '~/stores/cart/goneLines'
import { SEEN_PRICES_KEY, writeSeenPrices } from '~/stores/cart/seenPrices'
import { SEEN_ENTRIES_KEY, writeSeen } from '~/stores/wishlist/seenEntries'
import type { UserDto } from '~/services/dto'
import { mountComposable } from '../../support/nuxt'
import { useFakeApi } from '../../support/useFakeApi'
import { apiError } from '../../support/fakeApi'

// The next person at this computer finds nothing of the shopper who signed out: not their searches, and not the
// names and prices of what their cart and wishlist showed. The cart's and the wishlist's code are never started
// here, as in a tab that signs out from the account menu before anything loaded them.

const ADA: UserDto = { id: 1, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', date_joined: '2024-03-01T00:00:00Z' }
const fake = useFakeApi()
const MEMORY = [RECENT_SEARCHES_KEY, SEEN_LINES_KEY, SEEN_PRICES_KEY, SEEN_ENTRIES_KEY]

async function signedIn(): Promise<void> {
  fake.current.on('POST', '/auth/login', { access: 'a.b.c', user: ADA })
  await useAuthStore().signIn({ email: 'ada@example.com', password: 'pw' })
}

function remember(): void {
  localStorage.setItem(RECENT_SEARCHES_KEY, JSON.stringify(['pregnancy test']))
  writeSnapshot({ '7:': { productId: 7, variantId: null, title: 'Pregnancy test, 2 pack', options: {} } })
  writeSeenPrices({ '7:': { amount: 1299, currency: 'EUR' } })
  writeSeen(ADA.id, { 7: 'Pregnancy test, 2 pack' })
}

describe('signing out', () => {
  it('leaves none of the shopper\'s searches, cart or wishlist memories in this browser', async () => {
    localStorage.clear()
    remember()
    expect(MEMORY.filter(key => localStorage.getItem(key) !== null)).toEqual(MEMORY)

    await signedIn()
    fake.current.on('POST', '/auth/logout', undefined)
    const { result } = await mountComposable(() => useSignOut())
    await result.signOut()

    expect(result.error.value).toBeNull()
    expect(MEMORY.filter(key => localStorage.getItem(key) !== null)).toEqual([])
  })

  it('keeps them when the sign-out did not happen (the shopper is still signed in)', async () => {
    localStorage.clear()
    remember()
    await signedIn()
    fake.current.on('POST', '/auth/logout', apiError(503, 'Service unavailable.'))
    const { result } = await mountComposable(() => useSignOut())
    await result.signOut()

    expect(result.error.value).not.toBeNull()
    expect(MEMORY.filter(key => localStorage.getItem(key) !== null)).toEqual(MEMORY)
  })
})
