import { describe, expect, it } from 'vitest'
import { classifyPage, isPagePath, isSignedInRequest, normalizePageUrl, withRequestTracking } from '~/server/utils/pageCache/policy'
import { categoryPath, productPath } from '~/utils/routes/paths'

describe('page cache policy', () => {
  it('shares catalog pages and keeps personal pages private', () => {
    expect(classifyPage('/')).toBe('shared')
    expect(classifyPage('/products')).toBe('shared')
    expect(classifyPage(productPath({ id: 12, slug: 'blue-mug' }))).toBe('shared')
    expect(classifyPage(categoryPath('kitchen'))).toBe('shared')
    for (const path of ['/cart', '/checkout/shipping', '/account', '/auth/login', '/orders/7', '/wishlist']) {
      expect(classifyPage(path), path).toBe('private')
    }
    expect(classifyPage('/search')).toBe('other')
    expect(classifyPage('/productsale')).toBe('other')
  })

  it('treats only page paths as pages', () => {
    expect(isPagePath(productPath({ id: 1, slug: 'mug' }))).toBe(true)
    expect(isPagePath('/api/products/')).toBe(false)
    expect(isPagePath('/_nuxt/entry.js')).toBe(false)
    expect(isPagePath('/robots.txt')).toBe(false)
    expect(isPagePath('/sitemap.xml')).toBe(false)
    // The probes (route policy PROBE_PATHS): never looked up in, or stored into, the page cache.
    expect(isPagePath('/healthz')).toBe(false)
    expect(isPagePath('/readyz')).toBe(false)
  })

  it('recognises a signed-in shopper by the session cookies or an Authorization header', () => {
    expect(isSignedInRequest('sf_refresh=eyJ.abc', undefined)).toBe(true)
    expect(isSignedInRequest('theme=dark; sf_session=1', undefined)).toBe(true)
    expect(isSignedInRequest(undefined, 'Bearer x')).toBe(true)
    expect(isSignedInRequest('sf_refresh=; theme=dark', undefined)).toBe(false)
    expect(isSignedInRequest('xsf_refresh=1; _ga=GA1', undefined)).toBe(false)
    expect(isSignedInRequest(undefined, undefined)).toBe(false)
    // A guest's cart cookies do not make pages personal: the page cache serves them shared pages (docs/cart.md).
    expect(isSignedInRequest('sf_cart_token=abc123; sf_cart=1', undefined)).toBe(false)
  })

  it('keys pages without tracking parameters and independent of parameter order', () => {
    expect(normalizePageUrl('/products?utm_source=news&sort=price-asc&gclid=1')).toBe('/products?sort=price-asc')
    expect(normalizePageUrl('/products?b=2&a=1')).toBe(normalizePageUrl('/products?a=1&b=2'))
    expect(normalizePageUrl('/?fbclid=x')).toBe('/')
  })

  it('keys a path exactly as URL parsing would, with or without a query', () => {
    for (const path of ['/', '/products', '/products/12-blue-mug', '/a/./b', '/a/../b', '/a//b', '/%41', '/caf\u00e9', '/x.y/..z']) {
      expect(normalizePageUrl(path)).toBe(new URL(path, 'http://page.invalid').pathname)
    }
  })

  it('gives a redirect rendered for the cache address the tracking parameters of the request it answers, as they came', () => {
    const asked = '/products/7-old?utm_source=news%20letter&variant=2&gclid=a+b'
    expect(withRequestTracking('/products/7-blue-mug?variant=2', asked)).toBe('/products/7-blue-mug?variant=2&utm_source=news%20letter&gclid=a+b')
    expect(withRequestTracking('/products/7-blue-mug', '/products/7?UTM_Campaign=x')).toBe('/products/7-blue-mug?UTM_Campaign=x')
    expect(withRequestTracking('/products/7-blue-mug', '/products/7?variant=2')).toBe('/products/7-blue-mug')
    // Somewhere else is not ours to add to.
    expect(withRequestTracking('https://pay.example/x', asked)).toBe('https://pay.example/x')
    expect(withRequestTracking('//pay.example/x', asked)).toBe('//pay.example/x')
  })
})
