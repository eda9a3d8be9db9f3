import { describe, expect, it } from 'vitest'
import { emailProblem, newPasswordProblem } from '~/composables/auth/validation'
import { toRegisterRequest, toUser, toUserUpdate } from '~/services/mappers/user'

describe('user mapping', () => {
  it('maps the DTO and builds a display name', () => {
    expect(toUser({ id: 3, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', date_joined: '2024-03-01T10:00:00Z' })).toEqual({
      id: 3, email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', displayName: 'Ada Lovelace', memberSince: '2024-03-01T10:00:00Z',
    })
  })
  it('falls back to the email when there is no name', () => {
    expect(toUser({ id: 3, email: 'ada@example.com', first_name: '', last_name: '', date_joined: '2024-03-01T10:00:00Z' }).displayName).toBe('ada@example.com')
  })
  it('trims what the shopper typed on the way out, except the password', () => {
    expect(toRegisterRequest({ email: ' ada@example.com ', password: ' pass word ', firstName: ' Ada ', lastName: '' }))
      .toEqual({ email: 'ada@example.com', password: ' pass word ', first_name: 'Ada', last_name: '' })
    expect(toUserUpdate({ firstName: ' Ada', lastName: 'L ' })).toEqual({ first_name: 'Ada', last_name: 'L' })
  })
})

describe('client checks', () => {
  it('checks emails and new passwords', () => {
    expect(emailProblem('')).toMatch(/Enter your email/)
    expect(emailProblem('ada@')).toMatch(/like name@example.com/)
    expect(emailProblem('ada@example.com')).toBeUndefined()
    expect(newPasswordProblem('short')).toMatch(/at least 8/)
    expect(newPasswordProblem('long-enough')).toBeUndefined()
  })
})
