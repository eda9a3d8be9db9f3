import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { RECENT_SEARCHES_KEY, useRecentSearches } from '~/composables/search/useRecentSearches'
import { useSignOut } from '~/composables/auth/useSignOut'
import { useAuthStore } from '~/stores/auth'
import type { UserDto } from '~/services/dto'
import { mountComposable } from '../../support/nuxt'
import { useFakeApi } from '../../support/useFakeApi'

const ADA: UserDto = { id: 1, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', date_joined: '2024-03-01T00:00:00Z' }
const fake = useFakeApi()

describe('recent searches at sign-out', () => {
  it('are forgotten, in storage and in the search box already open, so the next person is not offered them', async () => {
    localStorage.clear()
    const { result: recent } = await mountComposable(() => useRecentSearches())
    recent.add('divorce lawyer books')
    await nextTick()
    expect(JSON.parse(localStorage.getItem(RECENT_SEARCHES_KEY) ?? '[]')).toEqual(['divorce lawyer books'])

    fake.current.on('POST', '/auth/login', { access: 'a.b.c', user: ADA })
    fake.current.on('POST', '/auth/logout', undefined)
    await useAuthStore().signIn({ email: 'ada@example.com', password: 'pw' })
    const { result: signOut } = await mountComposable(() => useSignOut())
    await signOut.signOut()
    expect(signOut.error.value).toBeNull()

    await nextTick()
    expect(recent.recent.value).toEqual([])
    expect(localStorage.getItem(RECENT_SEARCHES_KEY) ?? '[]').toBe('[]')
  })
})
