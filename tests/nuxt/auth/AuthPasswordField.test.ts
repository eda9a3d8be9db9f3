import { afterEach, describe, expect, it, vi } from 'vitest'
import { h, ref } from 'vue'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import AuthPasswordField from '~/components/auth/AuthPasswordField.vue'

// What a shopper and a screen reader get from the password field: its name, its hint and error read with it, the
// autofill a password manager needs, and a show/hide toggle that keeps what was typed.
async function mountField(props: { autocomplete: 'current-password' | 'new-password', hint?: string, errors?: string[] }) {
  const value = ref('')
  const left = vi.fn()
  const wrapper = await mountSuspended({
    render: () => h(AuthPasswordField, { ...props, 'modelValue': value.value, 'onUpdate:modelValue': (v: string) => (value.value = v), 'onLeave': left }),
  }, { attachTo: document.body })
  const labelFor = wrapper.get('label').attributes('for')!
  const input = () => wrapper.get(`input#${labelFor}`)
  const described = () => (input().attributes('aria-describedby') ?? '').split(' ').filter(Boolean).map(id => document.getElementById(id)?.textContent?.trim())
  const toggle = () => wrapper.get('button')
  return { wrapper, value, left, input, described, toggle, label: wrapper.get('label') }
}

describe('AuthPasswordField', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('is a labelled, required password field asking for the autofill it is given', async () => {
    const { wrapper, input, label, described } = await mountField({ autocomplete: 'current-password' })
    expect(label.text()).toBe('Password')
    expect(input().attributes()).toMatchObject({ type: 'password', autocomplete: 'current-password', spellcheck: 'false', autocapitalize: 'off' })
    expect(input().attributes('required')).toBeDefined()
    expect(input().attributes('aria-invalid')).toBeUndefined()
    expect(described()).toEqual([])
    wrapper.unmount()
  })

  it('reads its hint with it, then its error as well, and says it is invalid', async () => {
    const { wrapper, input, described } = await mountField({ autocomplete: 'new-password', hint: 'At least 8 characters.' })
    expect(input().attributes('autocomplete')).toBe('new-password')
    expect(described()).toEqual(['At least 8 characters.'])

    const withError = await mountField({ autocomplete: 'new-password', hint: 'At least 8 characters.', errors: ['Use at least 8 characters.'] })
    expect(withError.input().attributes('aria-invalid')).toBe('true')
    expect(withError.described()).toEqual(['At least 8 characters.', 'Use at least 8 characters.'])
    wrapper.unmount()
    withError.wrapper.unmount()
  })

  it('shows and hides what was typed without losing it; the button names what a press does', async () => {
    const { wrapper, input, toggle, value } = await mountField({ autocomplete: 'current-password' })
    await input().setValue('secret-words-1')
    expect(value.value).toBe('secret-words-1')
    expect(toggle().attributes('type')).toBe('button')
    expect(toggle().attributes('aria-controls')).toBe(input().attributes('id'))
    expect(toggle().attributes('aria-pressed')).toBeUndefined()
    expect(toggle().text()).toBe('Show password')

    await toggle().trigger('click')
    expect(input().attributes('type')).toBe('text')
    expect((input().element as HTMLInputElement).value).toBe('secret-words-1')
    expect(input().attributes('spellcheck')).toBe('false')
    expect(toggle().text()).toBe('Hide password')

    await toggle().trigger('click')
    expect(input().attributes('type')).toBe('password')
    wrapper.unmount()
  })

  it('tells its form when it is left', async () => {
    const { wrapper, input, left } = await mountField({ autocomplete: 'current-password' })
    const el = input().element as HTMLInputElement
    el.focus()
    el.dispatchEvent(new FocusEvent('focus'))
    el.dispatchEvent(new FocusEvent('blur'))
    expect(left).toHaveBeenCalledOnce()
    wrapper.unmount()
  })
})
