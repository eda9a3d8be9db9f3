import { describe, expect, it } from 'vitest'
import { ACCOUNT_PATH, CART_PATH, CHECKOUT_PATH, orderPath, ORDERS_PATH, SIGN_IN_PATH, WISHLIST_PATH } from '~/utils/routes/paths'
import { isIndexable } from '~/utils/routes/indexing'
import { crawlerExcludedPrefixes, isGuestOnlyPath, isProbePath, isProtectedPath, PROBE_PATHS, routeAccess } from '~/utils/routes/policy'

describe('route policy', () => {
  it('makes the catalog public and indexable', () => {
    for (const path of ['/', '/products', '/products/12-blue-mug', '/categories', '/categories/kitchen', '/products?cursor=x']) {
      expect(routeAccess(path), path).toBe('public')
      expect(isIndexable(path), path).toBe(true)
    }
  })

  it('keeps search results and unknown paths out of the index', () => {
    for (const path of ['/search', '/search?q=mug', '/productsale', '/about']) {
      expect(routeAccess(path), path).toBe('noindex')
      expect(isIndexable(path), path).toBe(false)
    }
  })

  it('makes the cart and sign-in private, and account, checkout, orders and wishlist protected', () => {
    expect(routeAccess(CART_PATH)).toBe('private')
    expect(routeAccess(SIGN_IN_PATH)).toBe('private')
    expect(routeAccess('/auth/register')).toBe('private')
    for (const path of [ACCOUNT_PATH, CHECKOUT_PATH, `${CHECKOUT_PATH}/payment`, ORDERS_PATH, orderPath(7), WISHLIST_PATH, '/account/addresses']) {
      expect(routeAccess(path), path).toBe('protected')
    }
    expect(isIndexable(CART_PATH)).toBe(false)
  })

  it('reads a path in any letter case, as the router matches it: /Orders/7 is guarded as the orders page', () => {
    for (const path of ['/Orders/7', '/ORDERS', '/Wishlist', '/CheckOut/', '/Auth/Profile', '/ACCOUNT/addresses']) {
      expect(routeAccess(path), path).toBe('protected')
    }
    expect(routeAccess('/Cart')).toBe('private')
    expect(routeAccess('/Products/12-Blue-Mug')).toBe('public')
    expect(isGuestOnlyPath('/Auth/Login')).toBe(true)
  })

  it('names the liveness and readiness probes as machine paths, not pages, and only those', () => {
    expect(PROBE_PATHS).toEqual(['/healthz', '/readyz'])
    for (const path of ['/healthz', '/readyz', '/readyz/', '/healthz?full=1']) expect(isProbePath(path), path).toBe(true)
    for (const path of ['/', '/healthz/extra', '/readyzz', '/products/healthz']) expect(isProbePath(path), path).toBe(false)
    expect(PROBE_PATHS.some(path => isIndexable(path))).toBe(false)
  })

  it('keeps crawlers off everything that is not public, naming each area once', () => {
    const excluded = crawlerExcludedPrefixes()
    expect(excluded).toEqual(expect.arrayContaining(['/search', '/auth', '/cart', '/checkout', '/orders', '/wishlist', '/account']))
    expect(excluded).not.toContain('/auth/profile')
    expect(excluded.some(prefix => isIndexable(prefix))).toBe(false)
  })
})

describe('protected and guest-only routes', () => {
  it.each(['/auth/profile', '/auth/profile/', '/orders', '/orders/12', '/wishlist', '/checkout', '/checkout/payment'])('%s needs a session', (path) => {
    expect(isProtectedPath(path)).toBe(true)
  })
  it.each(['/', '/products', '/ordersx', '/auth/login', '/wishlists', '/auth/profiles', '/cart'])('%s does not', (path) => {
    expect(isProtectedPath(path)).toBe(false)
  })
  it('knows the guest-only pages', () => {
    expect(isGuestOnlyPath('/auth/login')).toBe(true)
    expect(isGuestOnlyPath('/auth/register/')).toBe(true)
    expect(isGuestOnlyPath('/auth/login?redirect=/x')).toBe(true)
    expect(isGuestOnlyPath('/auth/profile')).toBe(false)
  })
})
