import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import AuthLoginForm from '~/components/auth/AuthLoginForm.vue'
import AuthProfileNameForm from '~/components/auth/AuthProfileNameForm.vue'
import AuthRegisterForm from '~/components/auth/AuthRegisterForm.vue'
import { useAuthStore } from '~/stores/auth'
import type { UserDto } from '~/services/dto'
import { useFakeApi } from '../../support/useFakeApi'

const ADA: UserDto = { id: 1, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', date_joined: '2024-03-01T00:00:00Z' }
const fake = useFakeApi()

describe('the account forms', () => {
  // The pages are server-rendered: until the app's code runs, Enter submits the form as plain HTML would. Without a
  // method that is a GET to the page, with the email and the password in the address (history, server logs).
  it.each([['sign-in', AuthLoginForm], ['registration', AuthRegisterForm], ['profile name', AuthProfileNameForm]])('%s: a submit before the app runs never puts what was typed into the address', async (_, form) => {
    const wrapper = await mountSuspended(form)
    expect((wrapper.get('form').element as HTMLFormElement).method).toBe('post')
    wrapper.unmount()
  })

  // Password managers save the credential under the field marked `username` (Chromium's password-form guidance): the
  // email is the account's identifier, on sign-up as on sign-in, so both forms mark it alike with the password beside it.
  it.each([['sign-in', 'current-password', AuthLoginForm], ['registration', 'new-password', AuthRegisterForm]] as const)('%s: the email is the credential\'s username, beside a %s', async (_, password, form) => {
    const wrapper = await mountSuspended(form)
    expect(wrapper.get('input[type="email"]').attributes('autocomplete')).toBe('username')
    expect(wrapper.get('input[type="password"]').attributes('autocomplete')).toBe(password)
    wrapper.unmount()
  })

  it('profile name: what the shopper is typing stays when a fresh read of the profile lands; an untouched field follows it', async () => {
    fake.current.on('POST', '/auth/login', { access: 'a.b.c', user: ADA })
    await useAuthStore().signIn({ email: ADA.email, password: 'pw' })
    const wrapper = await mountSuspended(AuthProfileNameForm)
    const first = wrapper.get('input[autocomplete="given-name"]')
    const last = wrapper.get('input[autocomplete="family-name"]')
    expect((first.element as HTMLInputElement).value).toBe('Ada')
    await first.setValue('Augusta Ada')

    // The page's profile read, retried after a failure (UiLoadFailed retries by itself), answers while they type.
    fake.current.on('GET', '/auth/me/', { ...ADA, last_name: 'King' })
    await useAuthStore().reloadUser()
    await nextTick()

    expect((first.element as HTMLInputElement).value).toBe('Augusta Ada')
    expect((last.element as HTMLInputElement).value).toBe('King')
    wrapper.unmount()
  })
})
