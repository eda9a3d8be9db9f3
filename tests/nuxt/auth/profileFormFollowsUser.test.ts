import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { useProfileForm } from '~/composables/auth/useProfileForm'
import { useAuthStore } from '~/stores/auth'
import type { UserDto } from '~/services/dto'
import { mountComposable } from '../../support/nuxt'
import { useFakeApi } from '../../support/useFakeApi'

const ADA: UserDto = { id: 1, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', date_joined: '2024-03-01T00:00:00Z' }
const fake = useFakeApi()

async function signedInAsAda() {
  fake.current.on('POST', '/auth/login', { access: 'a.b.c', user: ADA })
  await useAuthStore().signIn({ email: ADA.email, password: 'pw' })
  return (await mountComposable(() => useProfileForm())).result
}

describe('the profile form while the profile is read again', () => {
  it('keeps what the shopper typed when the fresh profile lands (real DRF: the first /auth/me/ is a 401, refreshed, replayed)', async () => {
    const form = await signedInAsAda()
    form.values.firstName = 'Augusta'
    // The page's own read of the profile answers after the shopper started typing (tests/drf-real: ~100 ms later).
    fake.current.on('GET', '/auth/me/', { ...ADA })
    await useAuthStore().reloadUser()
    await nextTick()
    expect(form.values).toEqual({ firstName: 'Augusta', lastName: 'Lovelace' })
  })

  it('still follows a name changed elsewhere in the fields the shopper has not touched', async () => {
    const form = await signedInAsAda()
    form.values.firstName = 'Augusta'
    fake.current.on('GET', '/auth/me/', { ...ADA, first_name: 'Ada', last_name: 'King' })
    await useAuthStore().reloadUser()
    await nextTick()
    expect(form.values).toEqual({ firstName: 'Augusta', lastName: 'King' })
  })
})
