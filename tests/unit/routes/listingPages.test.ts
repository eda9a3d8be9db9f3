import { describe, expect, it } from 'vitest'
import { canonicalListingPath, listingPagePath } from '~/utils/routes/listingPages'

describe('listing URLs', () => {
  it('keeps filters in the canonical and drops sort, page size and tracking', () => {
    expect(canonicalListingPath('/categories/kitchen', { brand: ['zeta', 'acme'], sort: 'price-asc', utm_source: 'mail', page_size: '48' }))
      .toBe('/categories/kitchen?brand=acme&brand=zeta')
    expect(canonicalListingPath('/products', { cursor: 'abc', in_stock: '1' })).toBe('/products?in_stock=1&cursor=abc')
    expect(canonicalListingPath('/products', { cursor: 'abc', sort: 'title' })).toBe('/products')
  })

  it('names in the canonical only the filters the listing applies, however the address spells them', () => {
    // Values the listing ignores: the page is plain /products, and says so.
    expect(canonicalListingPath('/products', { rating: '9', in_stock: '0', brand: 'NOT A SLUG', min_price: 'abc' })).toBe('/products')
    // The same results under one name.
    expect(canonicalListingPath('/products', { brand: 'b,a' })).toBe(canonicalListingPath('/products', { brand: ['a', 'b'] }))
    expect(canonicalListingPath('/products', { in_stock: 'true' })).toBe('/products?in_stock=1')
    expect(canonicalListingPath('/products', { min_price: '10', max_price: '20.5' })).toBe('/products?min_price=10.00&max_price=20.50')
    // A sort the listing does not know is no sort: the component page keeps its cursor.
    expect(canonicalListingPath('/products', { cursor: 'abc', sort: 'bogus' })).toBe('/products?cursor=abc')
  })

  it('links component pages with every parameter but the cursor kept', () => {
    expect(listingPagePath('/products', { sort: 'title', cursor: 'old' }, 'new')).toBe('/products?sort=title&cursor=new')
    expect(listingPagePath('/products', { cursor: 'old' }, null)).toBe('/products')
  })

  it('says where a component page came from, and keeps that out of the canonical', () => {
    const page3 = listingPagePath('/products', { in_stock: '1', cursor: 'c2', from: 'c1' }, 'c3', 'c2')
    expect(page3).toBe('/products?in_stock=1&cursor=c3&from=c2')
    // The first page has no cursor, so nothing came before it.
    expect(listingPagePath('/products', { cursor: 'c2', from: 'c1' }, null, 'c1')).toBe('/products')
    expect(canonicalListingPath('/products', { in_stock: '1', cursor: 'c3', from: 'c2' })).toBe('/products?in_stock=1&cursor=c3')
  })
})
