import { beforeEach, describe, expect, it } from 'vitest'
import { keepResetReturn, takeResetReturn } from '~/composables/auth/resetReturn'

// The sign-in after a password reset comes back to the page the interrupted sign-in was for.
describe('the way back kept across a password reset', () => {
  beforeEach(() => localStorage.clear())

  it('is given once, to the first sign-in after the reset', () => {
    keepResetReturn('/wishlist', 1_000)
    expect(takeResetReturn(2_000)).toBe('/wishlist')
    expect(takeResetReturn(2_000)).toBeUndefined()
  })

  it('is forgotten after an hour, and by a reset asked for without one', () => {
    keepResetReturn('/wishlist', 0)
    expect(takeResetReturn(60 * 60_000 + 1)).toBeUndefined()
    keepResetReturn('/wishlist', 0)
    keepResetReturn(undefined, 10)
    expect(takeResetReturn(20)).toBeUndefined()
  })

  it('keeps only a path of this site (the sign-in checks it again as a way back)', () => {
    keepResetReturn('https://evil.example/', 0)
    expect(takeResetReturn(1)).toBeUndefined()
    keepResetReturn(['/a', '/b'], 0)
    expect(takeResetReturn(1)).toBeUndefined()
  })
})
