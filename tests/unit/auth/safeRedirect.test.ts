import { describe, expect, it } from 'vitest'
import { safeRedirect } from '~/utils/navigation/safeRedirect'

describe('safeRedirect', () => {
  it.each([
    ['/auth/profile', '/auth/profile'],
    ['/products?category=shoes&brand=a&brand=b', '/products?category=shoes&brand=a&brand=b'],
    ['/products?search=red%20shoes#grid', '/products?search=red%20shoes#grid'],
    ['/orders/42', '/orders/42'],
    ['/a/../orders', '/orders'],
    ['/products?q=a%2F%2Fb', '/products?q=a%2F%2Fb'],
  ])('keeps the same-origin path %s', (input, expected) => {
    expect(safeRedirect(input)).toBe(expected)
  })

  it.each([
    '//evil.example',
    '//evil.example/path',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    'https://evil.example',
    'http://evil.example/auth/profile',
    'HTTPS://evil.example',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'evil.example',
    'auth/profile',
    '%2F%2Fevil.example',
    '/%2F%2Fevil.example',
    '/%2f/evil.example',
    '/%5Cevil.example',
    '/%5cevil.example',
    '%2F%5Cevil.example',
    '/%252F%252Fevil.example',
    '/%25252F%25252Fevil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/%09/evil.example',
    '/%0a/evil.example',
    ' //evil.example',
    '/ /evil.example',
    '/%E0%A4%A',
    '',
  ])('refuses %j', (input) => {
    expect(safeRedirect(input)).toBe('/')
  })

  it('refuses anything that is not a string, and takes the first of repeated query values', () => {
    expect(safeRedirect(undefined)).toBe('/')
    expect(safeRedirect(null)).toBe('/')
    expect(safeRedirect(42)).toBe('/')
    expect(safeRedirect({ path: '/orders' })).toBe('/')
    expect(safeRedirect(['/orders', '//evil.example'])).toBe('/orders')
    expect(safeRedirect(['//evil.example', '/orders'])).toBe('/')
  })

  it('uses the given fallback', () => {
    expect(safeRedirect('//evil.example', '/auth/profile')).toBe('/auth/profile')
  })

  it('refuses absurdly long values', () => {
    expect(safeRedirect(`/${'a'.repeat(5000)}`)).toBe('/')
  })

  it('never returns something that leaves the origin, whatever the input', () => {
    const pieces = ['/', '\\', '%2F', '%5C', '%252F', '\t', 'evil.example', 'javascript:', ':', '@', '?', '#', '.', '%09', ' ']
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
    for (let i = 0; i < 5000; i++) {
      const length = 1 + (next() % 6)
      const input = Array.from({ length }, () => pieces[next() % pieces.length]).join('')
      const result = safeRedirect(input)
      expect(new URL(result, 'https://shop.example').origin, input).toBe('https://shop.example')
      expect(result.startsWith('/') && !result.startsWith('//') && !result.includes('\\'), input).toBe(true)
    }
  })
})
