import { describe, expect, it } from 'vitest'
import { parseProductSegment, productIdFromPath } from '~/utils/routes/productSegment'
import { brandPath, searchPath } from '~/utils/routes/searchPaths'
import { categoryPath, orderPath, productPath, productSegment } from '~/utils/routes/paths'
import { registerLocation, signInLocation } from '~/utils/routes/signIn'
import { absoluteUrl } from '~/utils/routes/siteUrl'

describe('page paths', () => {
  it('builds canonical paths and absolute URLs on the site origin', () => {
    expect(productPath({ id: 7, slug: 'red-chair' })).toBe('/products/7-red-chair')
    expect(categoryPath('home & garden')).toBe('/categories/home%20%26%20garden')
    expect(absoluteUrl('https://shop.example/', '/products')).toBe('https://shop.example/products')
    expect(absoluteUrl('https://shop.example', 'products')).toBe('https://shop.example/products')
  })

  it('puts id and slug in the product URL and reads them back', () => {
    expect(productPath({ id: 12, slug: 'blue-mug' })).toBe('/products/12-blue-mug')
    expect(parseProductSegment('12-blue-mug')).toEqual({ id: 12, slug: 'blue-mug' })
    expect(parseProductSegment('12')).toEqual({ id: 12, slug: '' })
    expect(parseProductSegment('blue-mug')).toBeNull()
    expect(parseProductSegment('0-x')).toBeNull()
    expect(productIdFromPath('https://shop.example/products/12-blue-mug?variant=3')).toBe(12)
    expect(productIdFromPath('/products/12')).toBe(12)
    expect(productIdFromPath('/categories/12-blue-mug')).toBeNull()
    expect(productIdFromPath('/products')).toBeNull()
  })

  it('encodes a slug once: the path is encoded, the segment the router hands back is not', () => {
    const odd = { id: 3, slug: 'café-mug_2' }
    expect(productPath(odd)).toBe('/products/3-caf%C3%A9-mug_2')
    expect(parseProductSegment(decodeURIComponent(productPath(odd).slice('/products/'.length)))).toEqual(odd)
    expect(productSegment(odd)).toBe('3-café-mug_2')
    // A product without a slug is its id alone, which the product page redirects to the canonical path.
    expect(productPath({ id: 12, slug: '' })).toBe('/products/12')
  })

  it('builds search, brand and order paths with their values encoded', () => {
    expect(searchPath('wireless headphones')).toBe('/search?q=wireless%20headphones')
    expect(searchPath('a&b=c')).toBe('/search?q=a%26b%3Dc')
    expect(brandPath('nord peak')).toBe('/products?brand=nord%20peak')
    expect(orderPath(42)).toBe('/orders/42')
    expect(orderPath('A/1')).toBe('/orders/A%2F1')
  })
})

describe('sign-in with a way back', () => {
  it('keeps a safe same-site return path', () => {
    expect(signInLocation('/orders?page=2')).toEqual({ path: '/auth/login', query: { redirect: '/orders?page=2' } })
    expect(registerLocation('/wishlist')).toEqual({ path: '/auth/register', query: { redirect: '/wishlist' } })
  })

  it('drops a return path that leaves the site or would bounce back to sign-in', () => {
    for (const hostile of ['//evil.test', 'https://evil.test/', '/\\evil.test', 'javascript:alert(1)', '/%2F%2Fevil.test']) {
      expect(signInLocation(hostile), hostile).toEqual({ path: '/auth/login', query: {} })
    }
    expect(signInLocation('/auth/login?redirect=/x')).toEqual({ path: '/auth/login', query: {} })
    expect(registerLocation('/auth/register/')).toEqual({ path: '/auth/register', query: {} })
    expect(signInLocation(undefined)).toEqual({ path: '/auth/login', query: {} })
  })

  it('gives a password reset page no way back: the link\'s token would travel on in the sign-in page\'s address', () => {
    expect(signInLocation('/auth/password-reset/confirm?uid=MQ&token=cz1k2w-8f0e7a')).toEqual({ path: '/auth/login', query: {} })
    expect(registerLocation('/auth/password-reset/confirm?uid=MQ&token=cz1k2w-8f0e7a')).toEqual({ path: '/auth/register', query: {} })
    expect(signInLocation('/auth/password-reset')).toEqual({ path: '/auth/login', query: {} })
  })
})

describe('product paths for slugs the backend should not have sent', () => {
  it('leave the slug out, so the link, the canonical and the redirect agree on /products/{id}', async () => {
    const { productPath, productSegment } = await import('~/utils/routes/paths')
    expect(productPath({ id: 7, slug: 'blue-mug' })).toBe('/products/7-blue-mug')
    expect(productPath({ id: 7, slug: 'tasse-à-café' })).toBe(`/products/${encodeURIComponent('7-tasse-à-café')}`)
    for (const slug of ['<img src=x onerror=alert(1)>', 'a b', '../x', 'a/b', '']) {
      expect(productPath({ id: 7, slug }), slug).toBe('/products/7')
      expect(productSegment({ id: 7, slug })).toBe('7')
    }
  })
})
