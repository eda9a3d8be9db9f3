import { describe, expect, it } from 'vitest'
import { categoryPath, SIGN_IN_PATH } from '~/utils/routes/paths'
import { useBuiltStack } from '../server/support/builtStack'
import { linkHref, parseHtml } from './support/html'

// One address per page, on the built server: another spelling of a page's URL is either sent to its own (301),
// or says where its own is (canonical); never an indexable copy, and never a way around a guard.

const SITE = 'http://shop.test'
const stack = useBuiltStack({ seedProducts: 60, siteUrl: SITE })

async function get(path: string) {
  const response = await fetch(`${stack.web.url}${path}`, { redirect: 'manual' })
  const html = await response.text()
  return { status: response.status, location: response.headers.get('location'), doc: parseHtml(html, `${stack.web.url}${path}`) }
}

/** The categories of the seed that have a parent and a sibling: two distinct category pages. */
function twoCategories() {
  const [a, b] = stack.api.backend.db.categories.filter(category => category.parentId !== null)
  if (!a || !b) throw new Error('the seed has fewer than two leaf categories')
  return [a, b] as const
}

describe('listing addresses', () => {
  it('a category page with a `category` in its query is sent to itself without it (it ignores the parameter)', async () => {
    const [shown, other] = twoCategories()
    const answer = await get(`${categoryPath(shown.slug)}?category=${other.slug}&in_stock=1`)
    expect([answer.status, answer.location]).toEqual([301, `${categoryPath(shown.slug)}?in_stock=1`])
    expect((await get(`${categoryPath(shown.slug)}?category=whatever`)).location).toBe(categoryPath(shown.slug))
    const own = await get(`${categoryPath(shown.slug)}?in_stock=1`)
    expect(own.status).toBe(200)
    // Availability narrows the listing: out of the index, no canonical (faceted navigation, docs/seo-and-caching.md).
    expect(own.doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex, follow')
    expect(linkHref(own.doc, 'canonical')).toBeNull()
    expect(own.doc.querySelector('h1')?.textContent?.trim()).toBe(shown.name)
  })

  it('all products filtered by a category is that category page: 301, the other parameters kept as they came', async () => {
    const [category] = twoCategories()
    const answer = await get(`/products?brand=acme&category=${category.slug}&utm_source=news%20letter&sort=price-asc`)
    expect(answer.status).toBe(301)
    expect(answer.location).toBe(`${categoryPath(category.slug)}?brand=acme&utm_source=news%20letter&sort=price-asc`)
    expect((await get(`/products/?category=${category.slug}`)).location).toBe(categoryPath(category.slug))
    // Where it lands says which listing it is.
    const landed = await get(answer.location ?? '')
    expect(landed.status).toBe(200)
    expect(landed.doc.title.startsWith(`${category.name} – `)).toBe(true)
    expect(linkHref(landed.doc, 'canonical')).toBe(`${SITE}${categoryPath(category.slug)}?brand=acme`)
  })

  it('a `category` that names nothing is ignored, as the listing ignores it: all products, canonical /products', async () => {
    const { status, doc } = await get('/products?category=%3Cb%3Ex')
    expect(status).toBe(200)
    expect(linkHref(doc, 'canonical')).toBe(`${SITE}/products`)
    expect(doc.title).toBe('All products · Storefront')
  })
})

describe('letter case and encoding of page paths', () => {
  it('sends fixed segments in another case or percent-encoded to the page\'s own spelling, slug and query untouched', async () => {
    const [category] = twoCategories()
    const product = stack.api.backend.db.products[0]!
    const cases: Array<[string, string]> = [
      ['/Products', '/products'],
      ['/PRODUCTS?sort=price-asc', '/products?sort=price-asc'],
      [`/Categories/${category.slug}?in_stock=1`, `${categoryPath(category.slug)}?in_stock=1`],
      [`/PRODUCTS/${product.id}-Some-Slug`, `/products/${product.id}-Some-Slug`],
      [`/Products/${product.id}-%C3%BCber-Tasse`, `/products/${product.id}-%C3%BCber-Tasse`],
      ['/%70roducts', '/products'],
      ['/Search?q=Mug', '/search?q=Mug'],
      ['/Auth/Login?redirect=%2Forders', '/auth/login?redirect=%2Forders'],
      // Repeated slashes rendered the home page (a 200 copy per spelling); `//host` must not become another host.
      ['//products', '/products'],
      [`/products//${product.id}-x`, `/products/${product.id}-x`],
      ['//evil.example/products', '/evil.example/products'],
    ]
    for (const [asked, own] of cases) {
      const answer = await get(asked)
      expect([asked, answer.status, answer.location]).toEqual([asked, 301, own])
    }
    // A category slug is the category's: in another case it names another (here: no) category.
    expect((await get(categoryPath(category.slug.toUpperCase()))).status).toBe(404)
  })

  it('never shows a guarded page to a signed-out visitor, however its path is spelled', async () => {
    const spellings = [
      '/Orders/1', '/ORDERS', '/orders/', '/Orders/', '/%6Frders', '/%4Frders/1', '/ORDERS/1?x=1', '/orders//1',
      '/Wishlist', '/WISHLIST/', '/Checkout', '/CheckOut', '/Auth/Profile', '/auth/Profile', '/AUTH/PROFILE/',
    ]
    for (const spelling of spellings) {
      let path = spelling
      let answer = await get(path)
      for (let hops = 0; answer.status === 301 && hops < 3; hops++) {
        path = answer.location ?? ''
        answer = await get(path)
      }
      const outcome = answer.status === 302 ? new URL(answer.location ?? '', SITE).pathname : answer.status
      expect([spelling, outcome]).toEqual([spelling, SIGN_IN_PATH])
    }
  })
})
