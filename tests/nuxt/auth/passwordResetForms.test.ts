import { describe, expect, it, vi } from 'vitest'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import type { VueWrapper } from '@vue/test-utils'
import { useRouter } from '#imports'
import AuthPasswordResetConfirmForm from '~/components/auth/AuthPasswordResetConfirmForm.vue'
import AuthPasswordResetRequestForm from '~/components/auth/AuthPasswordResetRequestForm.vue'
import { INVALID_LINK } from '~/composables/auth/usePasswordResetConfirmForm'
import { useAuthStore } from '~/stores/auth'
import { PASSWORD_RESET_CONFIRM_PATH, PASSWORD_RESET_PATH, SIGN_IN_PATH } from '~/utils/routes/paths'
import { apiError } from '../../support/fakeApi'
import { field, messagesOf } from '../../support/labelledFields'
import { settle } from '../../support/promises'
import { useFakeApi } from '../../support/useFakeApi'

const fake = useFakeApi()
const RESET = '/auth/password/reset/'
const CONFIRM = '/auth/password/reset/confirm/'
const LINK = `${PASSWORD_RESET_CONFIRM_PATH}?uid=MQ&token=cz1k2w-8f0e7a`

async function submit(wrapper: VueWrapper): Promise<void> {
  await wrapper.get('form').trigger('submit')
  await settle()
}

describe('"Forgot password?": the request form', () => {
  it('sends the email without a token and then says only that a link was sent if an account uses it', async () => {
    fake.current.on('POST', RESET, { detail: 'Password reset e-mail has been sent.' })
    const wrapper = await mountSuspended(AuthPasswordResetRequestForm, { attachTo: document.body })
    await field(wrapper, 'Email').setValue('ada@example.com')
    await submit(wrapper)

    expect(fake.current.callsTo(RESET).map(call => [call.method, call.body, call.options.auth])).toEqual([['POST', { email: 'ada@example.com' }, false]])
    const status = wrapper.get('[role="status"]')
    expect(status.text()).toContain('If an account uses ada@example.com, we have emailed it a link to choose a new password.')
    expect(wrapper.find('form').exists()).toBe(false)
    // The form and its button went: the focus is on what replaced them, not dropped to the page.
    await vi.waitFor(() => expect(status.element.contains(document.activeElement)).toBe(true))

    // To correct the address or send another link: the form again, with what was typed, focus in its field.
    await wrapper.get('[role="status"] button').trigger('click')
    expect(field(wrapper, 'Email').element.value).toBe('ada@example.com')
    await vi.waitFor(() => expect(document.activeElement).toBe(field(wrapper, 'Email').element))
  })

  it('checks the email before sending anything', async () => {
    const wrapper = await mountSuspended(AuthPasswordResetRequestForm)
    await field(wrapper, 'Email').setValue('ada@')
    await submit(wrapper)
    expect(fake.current.calls).toHaveLength(0)
    expect(messagesOf(wrapper, field(wrapper, 'Email'))).toBe('Enter an email address like name@example.com.')
    expect(field(wrapper, 'Email').attributes('aria-invalid')).toBe('true')
  })

  it('shows a throttled answer at the top of the form and keeps the email; nothing claims a link was sent', async () => {
    fake.current.on('POST', RESET, apiError(429, 'Too many attempts. Please wait 60 seconds and try again.'))
    const wrapper = await mountSuspended(AuthPasswordResetRequestForm)
    await field(wrapper, 'Email').setValue('ada@example.com')
    await submit(wrapper)
    expect(wrapper.get('[role="alert"]').text()).toBe('Too many attempts. Please wait 60 seconds and try again.')
    expect(wrapper.get('[role="status"]').text()).toBe('')
    expect(field(wrapper, 'Email').element.value).toBe('ada@example.com')
  })
})

describe('the page a reset link opens: the new password form', () => {
  it('sends the link\'s uid and token with the new password, then goes to sign in', async () => {
    fake.current.on('POST', CONFIRM, { detail: 'Password has been reset with the new password.' })
    const wrapper = await mountSuspended(AuthPasswordResetConfirmForm, { route: LINK })
    await field(wrapper, 'New password').setValue('Fresh-passphrase-7')
    await submit(wrapper)
    expect(fake.current.callsTo(CONFIRM).map(call => [call.body, call.options.auth]))
      .toEqual([[{ uid: 'MQ', token: 'cz1k2w-8f0e7a', new_password: 'Fresh-passphrase-7' }, false]])
    await vi.waitFor(() => expect(useRouter().currentRoute.value.path).toBe(SIGN_IN_PATH))
  })

  it('replaces the form with "the link no longer works" when the backend refuses its token, focused, leading to a new link', async () => {
    fake.current.on('POST', CONFIRM, apiError(400, 'Invalid.', { token: ['Invalid token for given user.'] }))
    const wrapper = await mountSuspended(AuthPasswordResetConfirmForm, { route: LINK, attachTo: document.body })
    await field(wrapper, 'New password').setValue('Fresh-passphrase-7')
    await submit(wrapper)
    const alert = wrapper.get('[role="alert"]')
    expect(alert.text()).toContain(INVALID_LINK)
    // No form to fill in again with a link that cannot work (the typed password went with it).
    expect(wrapper.find('form').exists()).toBe(false)
    expect(wrapper.find('input').exists()).toBe(false)
    const links = wrapper.findAll('a').filter(link => link.text() === 'Ask for a new link')
    expect(links.map(link => [link.attributes('href'), alert.element.contains(link.element)])).toEqual([[PASSWORD_RESET_PATH, true]])
    await vi.waitFor(() => expect(document.activeElement).toBe(alert.element))
    expect(fake.current.callsTo(CONFIRM)).toHaveLength(1)
    expect(useRouter().currentRoute.value.fullPath).toBe(LINK)
    wrapper.unmount()
  })

  it('puts the password validators\' messages under the new password', async () => {
    fake.current.on('POST', CONFIRM, apiError(400, 'Invalid.', { new_password: ['This password is too common.', 'The password is too similar to the email address.'] }))
    const wrapper = await mountSuspended(AuthPasswordResetConfirmForm, { route: LINK })
    await field(wrapper, 'New password').setValue('password1')
    await submit(wrapper)
    const input = field(wrapper, 'New password')
    expect(messagesOf(wrapper, input)).toBe('This password is too common. The password is too similar to the email address.')
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('checks the length before sending', async () => {
    const wrapper = await mountSuspended(AuthPasswordResetConfirmForm, { route: LINK })
    await field(wrapper, 'New password').setValue('short')
    await submit(wrapper)
    expect(fake.current.calls).toHaveLength(0)
    expect(messagesOf(wrapper, field(wrapper, 'New password'))).toBe('Use at least 8 characters.')
  })

  it('without a uid and token in the address there is no form to send', async () => {
    const wrapper = await mountSuspended(AuthPasswordResetConfirmForm, { route: `${PASSWORD_RESET_CONFIRM_PATH}?uid=MQ` })
    expect(wrapper.find('form').exists()).toBe(false)
    expect(wrapper.text()).toContain('This address is missing part of the link from the email.')
  })

  it('ends a session this browser still had (the backend blacklisted its refresh tokens) before sending to sign in', async () => {
    fake.current.on('POST', CONFIRM, { detail: 'Password has been reset with the new password.' }).on('POST', '/auth/logout', {})
    useAuthStore().user = { id: 1, email: 'ada@example.com', firstName: 'Ada', lastName: '', displayName: 'Ada', memberSince: '2026-01-01T00:00:00Z' }
    const wrapper = await mountSuspended(AuthPasswordResetConfirmForm, { route: LINK })
    await field(wrapper, 'New password').setValue('Fresh-passphrase-7')
    await submit(wrapper)
    expect(fake.current.calls.map(call => `${call.method} ${call.path}`)).toEqual([`POST ${CONFIRM}`, 'POST /auth/logout'])
    expect(useAuthStore().user).toBeNull()
    await vi.waitFor(() => expect(useRouter().currentRoute.value.path).toBe(SIGN_IN_PATH))
  })
})
