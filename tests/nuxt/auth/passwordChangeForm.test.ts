import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import type { VueWrapper } from '@vue/test-utils'
import { useRouter } from '#imports'
import AuthPasswordChangeForm from '~/components/auth/AuthPasswordChangeForm.vue'
import { ApiError } from '~/composables/core/api/ApiError'
import { useAuthStore } from '~/stores/auth'
import { SIGN_IN_PATH } from '~/utils/routes/paths'
import { apiError } from '../../support/fakeApi'
import { field, messagesOf } from '../../support/labelledFields'
import { installApiSession } from '../../support/installedApi'
import { settle } from '../../support/promises'
import { useFakeApi } from '../../support/useFakeApi'

const fake = useFakeApi()
const CHANGE = '/auth/password'
const ADA = { id: 1, email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', displayName: 'Ada', memberSince: '2026-01-01T00:00:00Z' }
const USER_DTO = { id: 1, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', date_joined: '2026-01-01T00:00:00Z' }
const CURRENT = 'Old-passphrase-41x'
const NEXT = 'New-passphrase-93k'

let session: { setAccessToken: ReturnType<typeof vi.fn>, signOut: ReturnType<typeof vi.fn> }
beforeEach(() => {
  session = { setAccessToken: vi.fn(), signOut: vi.fn() }
  installApiSession(session)
  useAuthStore().user = { ...ADA }
  useAuthStore().status = 'signed_in'
})
afterEach(() => {
  installApiSession(null)
  document.body.innerHTML = ''
})

async function fill(wrapper: VueWrapper, current: string, next: string): Promise<void> {
  await field(wrapper, 'Current password').setValue(current)
  await field(wrapper, 'New password').setValue(next)
}

async function submit(wrapper: VueWrapper): Promise<void> {
  await wrapper.get('form').trigger('submit')
  await settle()
}

describe('the profile\'s "Change password" form', () => {
  it('is a POST form whose fields tell password managers which password is which', async () => {
    const wrapper = await mountSuspended(AuthPasswordChangeForm)
    expect(wrapper.get('form').attributes('method')).toBe('post')
    expect(field(wrapper, 'Current password').attributes()).toMatchObject({ type: 'password', autocomplete: 'current-password' })
    expect(field(wrapper, 'New password').attributes()).toMatchObject({ type: 'password', autocomplete: 'new-password' })
    expect(wrapper.get<HTMLInputElement>('input[autocomplete="username"]').element.value).toBe('ada@example.com')
  })

  it('sends both passwords to the BFF once, then says so, empties the fields and keeps this browser signed in on the new token', async () => {
    fake.current.on('POST', CHANGE, { access: 'new-access-token', user: USER_DTO })
    const wrapper = await mountSuspended(AuthPasswordChangeForm)
    await fill(wrapper, CURRENT, NEXT)
    await submit(wrapper)

    expect(fake.current.callsTo(CHANGE).map(call => [call.body, call.options.auth, call.options.headers, call.options.maxRetries]))
      .toEqual([[{ current_password: CURRENT, new_password: NEXT }, undefined, { 'x-requested-with': 'storefront' }, 0]])
    expect(wrapper.get('[role="status"]').text()).toBe('Your password has been changed. You stay signed in here; other browsers and devices are signed out within a few minutes.')
    expect(field(wrapper, 'Current password').element.value).toBe('')
    expect(field(wrapper, 'New password').element.value).toBe('')
    expect(session.setAccessToken).toHaveBeenCalledWith('new-access-token')
    expect(session.signOut).not.toHaveBeenCalled()
    expect(useAuthStore().user).toEqual(ADA)
  })

  it('checks a field when it is left and, at submit, sends nothing and moves the focus to the first field to fix', async () => {
    const wrapper = await mountSuspended(AuthPasswordChangeForm, { attachTo: document.body })
    await field(wrapper, 'New password').setValue('short')
    await field(wrapper, 'New password').trigger('blur')
    expect(messagesOf(wrapper, field(wrapper, 'New password'))).toBe('Use at least 8 characters.')
    expect(messagesOf(wrapper, field(wrapper, 'Current password'))).toBe('')

    await submit(wrapper)
    expect(fake.current.calls).toHaveLength(0)
    expect(messagesOf(wrapper, field(wrapper, 'Current password'))).toBe('Enter your current password.')
    expect(field(wrapper, 'Current password').attributes('aria-invalid')).toBe('true')
    await vi.waitFor(() => expect(document.activeElement).toBe(field(wrapper, 'Current password').element))
  })

  it('puts the backend\'s field errors under their fields, in the shop\'s words, keeps what was typed and focuses the first', async () => {
    fake.current.on('POST', CHANGE, apiError(400, 'Check the fields.', { current_password: ['Invalid password.'] }))
    const wrapper = await mountSuspended(AuthPasswordChangeForm, { attachTo: document.body })
    await fill(wrapper, 'Not-it-at-all-1', NEXT)
    await submit(wrapper)
    expect(messagesOf(wrapper, field(wrapper, 'Current password'))).toBe('This is not your current password. Check it and try again.')
    expect(field(wrapper, 'Current password').element.value).toBe('Not-it-at-all-1')
    expect(field(wrapper, 'New password').element.value).toBe(NEXT)
    expect(wrapper.get('[role="status"]').text()).toBe('')
    await vi.waitFor(() => expect(document.activeElement).toBe(field(wrapper, 'Current password').element))

    fake.current.on('POST', CHANGE, apiError(400, 'Check the fields.', { new_password: ['This password is too common.', 'The password is too similar to the email address.'] }))
    await fill(wrapper, CURRENT, 'ada-example-1')
    await submit(wrapper)
    expect(messagesOf(wrapper, field(wrapper, 'Current password'))).toBe('')
    expect(messagesOf(wrapper, field(wrapper, 'New password'))).toBe('This password is too common. The password is too similar to the email address.')
    await vi.waitFor(() => expect(document.activeElement).toBe(field(wrapper, 'New password').element))
  })

  it.each([
    ['throttled', apiError(429, 'Too many requests. Please wait 20 seconds and try again.')],
    ['unavailable', apiError(503, 'The shop is not available right now. Please try again in a minute.')],
  ])('says so at the top when the backend is %s, and keeps what was typed', async (_name, error) => {
    fake.current.on('POST', CHANGE, error)
    const wrapper = await mountSuspended(AuthPasswordChangeForm)
    await fill(wrapper, CURRENT, NEXT)
    await submit(wrapper)
    expect(wrapper.get('[role="alert"]').text()).toBe(error.message)
    expect(field(wrapper, 'Current password').element.value).toBe(CURRENT)
    expect(field(wrapper, 'New password').element.value).toBe(NEXT)
    expect(wrapper.get('[role="status"]').text()).toBe('')
    expect(session.setAccessToken).not.toHaveBeenCalled()
    expect(useAuthStore().user).toEqual(ADA)
  })

  it('when the password changed but this browser could not be signed in again, forgets the session and goes to sign in', async () => {
    const message = 'Your password has been changed, but we could not keep you signed in. Please wait 30 seconds, then sign in with your new password.'
    fake.current.on('POST', CHANGE, new ApiError({ status: 429, code: 'password_changed', message, fieldErrors: {}, retryable: false }))
    const wrapper = await mountSuspended(AuthPasswordChangeForm)
    await fill(wrapper, CURRENT, NEXT)
    await submit(wrapper)
    expect(session.signOut).toHaveBeenCalledOnce()
    expect(useAuthStore().user).toBeNull()
    await vi.waitFor(() => expect(useRouter().currentRoute.value.path).toBe(SIGN_IN_PATH))
  })
})
