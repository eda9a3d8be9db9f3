import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXED_PAGE_PATHS, fixedSegmentsSpelled, pageRedirect } from '~/server/utils/pages/pageRedirect'

/** Every page file's route as Nuxt makes it: /orders/[id] for pages/orders/[id].vue. */
function pageRoutes(dir = 'pages'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return pageRoutes(path)
    return entry.name.endsWith('.vue') ? [`/${relative('pages', path).replace(/\.vue$/, '').replace(/(^|\/)index$/, '')}`] : []
  })
}

describe('page redirects', () => {
  it('knows the fixed segments of every page route (but the dev-only /__ pages)', () => {
    for (const route of pageRoutes().filter(route => !route.startsWith('/__'))) {
      const fixed = route.split('/[')[0]!.replace(/\/$/, '')
      if (fixed) expect(FIXED_PAGE_PATHS.has(fixed), route).toBe(true)
    }
  })

  it('spells fixed segments as the routes do, and leaves what follows them exactly as it came', () => {
    expect(fixedSegmentsSpelled('/ORDERS/7')).toBe('/orders/7')
    expect(fixedSegmentsSpelled('/Auth/Login')).toBe('/auth/login')
    expect(fixedSegmentsSpelled('/%6Frders/')).toBe('/orders/')
    expect(fixedSegmentsSpelled('/Products/12-Blue-Mug')).toBe('/products/12-Blue-Mug')
    expect(fixedSegmentsSpelled('/CATEGORIES/k%C3%BCche')).toBe('/categories/k%C3%BCche')
    expect(fixedSegmentsSpelled('/Categories/K%C3%9Cche')).toBe('/categories/K%C3%9Cche')
  })

  it('leaves paths that already are their own spelling, unknown paths and malformed ones alone', () => {
    for (const path of ['/', '/products', '/products/12-blue-mug', '/orders//1', '/About', '/Productsale', '/%E0%A4%A', '/ORDERS%2F1']) {
      expect(fixedSegmentsSpelled(path), path).toBeNull()
    }
    // Only ASCII letters fold, as in the router's case-insensitive match: the Kelvin sign is not a "k".
    expect(fixedSegmentsSpelled('/chec\u212Aout')).toBeNull()
  })

  it('sends repeated slashes to one each, never to an address a browser would read as another host', () => {
    expect(pageRedirect('//orders')).toBe('/orders')
    expect(pageRedirect('///products//12-blue-mug?x=1')).toBe('/products/12-blue-mug?x=1')
    expect(pageRedirect('//evil.example/path')).toBe('/evil.example/path')
    expect(pageRedirect('//')).toBe('/')
    expect(pageRedirect('//Orders//7')).toBe('/orders/7')
    expect(pageRedirect('/orders/7')).toBeNull()
  })

  it('sends all products filtered by a category to that category\'s page, keeping every other parameter as it came', () => {
    expect(pageRedirect('/products?category=mugs')).toBe('/categories/mugs')
    expect(pageRedirect('/Products/?brand=a&category=mugs&category=cups&q=big+mug&utm_source=x%20y')).toBe('/categories/mugs?brand=a&q=big+mug&utm_source=x%20y')
    expect(pageRedirect('/products?category=k%C3%BCche')).toBe('/categories/k%C3%BCche')
  })

  it('keeps all products when its `category` names nothing the listing would apply', () => {
    for (const url of ['/products?category=', '/products?category=%3Cb%3E', '/products?brand=a', '/products']) {
      expect(pageRedirect(url), url).toBeNull()
    }
    expect(pageRedirect('/PRODUCTS?category=<b>')).toBe('/products?category=<b>')
  })

  it('drops a `category` from a category page\'s address: the page fixes its own and ignores it', () => {
    expect(pageRedirect('/categories/mugs?category=shoes')).toBe('/categories/mugs')
    expect(pageRedirect('/Categories/mugs/?in_stock=1&category=%3Cb%3E&category=mugs&sort=title')).toBe('/categories/mugs/?in_stock=1&sort=title')
    expect(pageRedirect('/categories/mugs?in_stock=1')).toBeNull()
    expect(pageRedirect('/categories?category=mugs')).toBeNull()
  })

  it('redirects other spellings with their query kept verbatim', () => {
    expect(pageRedirect('/Search?q=Mug&x=%2F')).toBe('/search?q=Mug&x=%2F')
    expect(pageRedirect('/search?q=Mug')).toBeNull()
  })
})
