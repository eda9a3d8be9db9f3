import { nextTick } from 'vue'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '~/composables/core/api/ApiError'
import { useForm } from '~/composables/form/useForm'
import { emailProblem, problems } from '~/composables/auth/validation'

function apiError(status: number, message: string, fieldErrors: Record<string, string[]> = {}): ApiError {
  return new ApiError({ status, code: `http_${status}`, message, fieldErrors, retryable: false })
}

function setup(send: (values: Record<'email' | 'firstName', string>) => Promise<void>) {
  return useForm<'email' | 'firstName'>({
    initial: { email: '', firstName: '' },
    validate: values => problems({ email: emailProblem(values.email), firstName: undefined }),
    serverFields: { email: 'email', first_name: 'firstName' },
    send,
  })
}

describe('useForm', () => {
  it('does not send while client checks fail, and shows them next to the field only after a submit', async () => {
    const send = vi.fn(async () => {})
    const form = setup(send)
    expect(form.fieldErrors.value.email).toEqual([])
    expect(await form.submit()).toBe(false)
    expect(send).not.toHaveBeenCalled()
    expect(form.status.value).toBe('error')
    expect(form.fieldErrors.value.email).toEqual(['Enter your email address.'])
    form.values.email = 'ada@example.com'
    expect(form.fieldErrors.value.email).toEqual([])
  })

  it('checks a field when it is left after typing, never while typing, and drops the problem once it is fixed', async () => {
    const form = setup(async () => {})
    form.leave('email')
    expect(form.fieldErrors.value.email).toEqual([])
    form.values.email = 'ada@'
    expect(form.fieldErrors.value.email).toEqual([])
    form.leave('email')
    const problem = form.fieldErrors.value.email
    expect(problem).toHaveLength(1)
    form.values.email = 'ada@example.com'
    await nextTick()
    expect(form.fieldErrors.value.email).toEqual([])
    // Typing it wrong again says nothing until the field is left again.
    form.values.email = 'ada@'
    await nextTick()
    expect(form.fieldErrors.value.email).toEqual([])
    form.leave('email')
    expect(form.fieldErrors.value.email).toEqual(problem)
  })

  it('drops the backend\'s message about a field once the field no longer holds what was sent', async () => {
    const form = setup(async () => {
      throw apiError(400, 'Bad request', { email: ['user with this email already exists.'] })
    })
    form.values.email = 'ada@example.com'
    await form.submit()
    expect(form.fieldErrors.value.email).toEqual(['User with this email already exists.'])
    form.values.email = 'ada.l@example.com'
    expect(form.fieldErrors.value.email).toEqual([])
  })

  it('shows the backend\'s field errors of a second submit after every field was changed since the first', async () => {
    const answers = [
      apiError(400, 'Bad request', { email: ['user with this email already exists.'] }),
      apiError(400, 'Bad request', { first_name: ['Ensure this field has no more than 150 characters.'] }),
    ]
    const form = setup(async () => {
      throw answers.shift()
    })
    form.values.email = 'ada@example.com'
    form.values.firstName = 'Ada'
    await form.submit()
    expect(form.fieldErrors.value.email).toEqual(['User with this email already exists.'])
    // Both fields now differ from what was sent (nothing of the first answer applies), then the form is sent again.
    form.values.email = 'ada.l@example.com'
    form.values.firstName = 'Augusta'
    expect(form.fieldErrors.value).toEqual({ email: [], firstName: [] })
    await form.submit()
    expect(form.fieldErrors.value).toEqual({ email: [], firstName: ['Ensure this field has no more than 150 characters.'] })
  })

  it('puts DRF field errors next to their fields and non_field_errors on top, keeping every value', async () => {
    const form = setup(async () => {
      throw apiError(400, 'Enter a valid email address.', {
        email: ['user with this email already exists.'],
        first_name: ['Too long.'],
        non_field_errors: ['Registration is closed today.'],
      })
    })
    form.values.email = 'ada@example.com'
    form.values.firstName = 'Ada'
    expect(await form.submit()).toBe(false)
    // Django's lowercase model-name messages are written as sentences.
    expect(form.fieldErrors.value).toEqual({ email: ['User with this email already exists.'], firstName: ['Too long.'] })
    expect(form.formErrors.value).toEqual(['Registration is closed today.'])
    expect({ ...form.values }).toEqual({ email: 'ada@example.com', firstName: 'Ada' })
  })

  it('names the field of a backend message about a field the form does not have, at the top of the form', async () => {
    // A backend with one more required field than the form (a username, a phone number): "This field is required."
    // alone at the top would not say which field, nor that the form cannot fix it.
    const form = setup(async () => {
      throw apiError(400, 'Please correct the highlighted fields.', {
        username: ['This field is required.'],
        phone_number: ['enter a valid phone number.'],
        non_field_errors: ['Registration is closed today.'],
      })
    })
    form.values.email = 'ada@example.com'
    expect(await form.submit()).toBe(false)
    expect(form.formErrors.value).toEqual([
      'Username: This field is required.',
      'Phone number: Enter a valid phone number.',
      'Registration is closed today.',
    ])
  })

  it('says a field\'s backend message in the form\'s own words when it has them, and no other', async () => {
    const form = useForm<'email' | 'firstName'>({
      initial: { email: 'ada@example.com', firstName: 'Ada' },
      validate: () => ({}),
      serverFields: { email: 'email', first_name: 'firstName' },
      send: async () => {
        throw apiError(400, 'Bad request', { email: ['user with this email already exists.', 'enter a valid email.'], first_name: ['already exists'] })
      },
      rephrase: (field, message) => (field === 'email' && message.includes('already exists') ? 'That email has an account.' : message),
    })
    expect(await form.submit()).toBe(false)
    expect(form.fieldErrors.value).toEqual({ email: ['That email has an account.', 'Enter a valid email.'], firstName: ['Already exists'] })
  })

  it('shows a detail-only failure (wrong password, throttled) at the top', async () => {
    const form = setup(async () => {
      throw apiError(429, 'Too many attempts. Please wait 42 seconds and try again.')
    })
    form.values.email = 'ada@example.com'
    await form.submit()
    expect(form.formErrors.value).toEqual(['Too many attempts. Please wait 42 seconds and try again.'])
    expect(form.fieldErrors.value.email).toEqual([])
  })

  it('says a whole-form failure in the form\'s own words when it has them, and keeps the backend\'s otherwise', async () => {
    let failure = apiError(401, 'No active account found with the given credentials')
    const form = useForm<'email'>({
      initial: { email: 'ada@example.com' },
      validate: () => ({}),
      serverFields: { email: 'email' },
      send: async () => {
        throw failure
      },
      describe: error => (error.status === 401 ? 'The email or password is not right.' : undefined),
    })
    await form.submit()
    expect(form.formErrors.value).toEqual(['The email or password is not right.'])
    failure = apiError(429, 'Too many attempts. Please wait 42 seconds and try again.')
    await form.submit()
    expect(form.formErrors.value).toEqual(['Too many attempts. Please wait 42 seconds and try again.'])
  })

  it('shows something readable for a failure that is not an ApiError', async () => {
    const form = setup(async () => {
      throw new TypeError('boom')
    })
    form.values.email = 'ada@example.com'
    await form.submit()
    expect(form.formErrors.value).toEqual(['Something went wrong. Please try again.'])
  })

  it('clears old server errors on the next submit and ends in success', async () => {
    let fail = true
    const form = setup(async () => {
      if (fail) throw apiError(401, 'No active account found with the given credentials')
    })
    form.values.email = 'ada@example.com'
    await form.submit()
    fail = false
    expect(await form.submit()).toBe(true)
    expect(form.formErrors.value).toEqual([])
    expect(form.status.value).toBe('success')
  })

  it('ignores a second submit while one is in flight', async () => {
    let release!: () => void
    const send = vi.fn(() => new Promise<void>((resolve) => {
      release = resolve
    }))
    const form = setup(send)
    form.values.email = 'ada@example.com'
    const first = form.submit()
    expect(form.status.value).toBe('submitting')
    expect(await form.submit()).toBe(false)
    release()
    expect(await first).toBe(true)
    expect(send).toHaveBeenCalledTimes(1)
  })
})
