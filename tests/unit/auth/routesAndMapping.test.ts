import { describe, expect, it } from 'vitest'
import { isGuestOnlyPath, isProtectedPath, loginLocation } from '~/composables/auth/routes'
import { emailProblem, newPasswordProblem } from '~/composables/auth/validation'
import { toRegisterRequest, toUser, toUserUpdate } from '~/services/mappers/user'

describe('protected and guest-only routes', () => {
  it.each(['/auth/profile', '/auth/profile/', '/orders', '/orders/12', '/wishlist', '/checkout', '/checkout/payment'])('%s needs a session', (path) => {
    expect(isProtectedPath(path)).toBe(true)
  })
  it.each(['/', '/products', '/ordersx', '/auth/login', '/wishlists', '/auth/profiles'])('%s does not', (path) => {
    expect(isProtectedPath(path)).toBe(false)
  })
  it('knows the guest-only pages', () => {
    expect(isGuestOnlyPath('/auth/login')).toBe(true)
    expect(isGuestOnlyPath('/auth/register/')).toBe(true)
    expect(isGuestOnlyPath('/auth/profile')).toBe(false)
  })
  it('sends to sign-in with the way back', () => {
    expect(loginLocation('/orders?page=2')).toEqual({ path: '/auth/login', query: { redirect: '/orders?page=2' } })
  })
})

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
