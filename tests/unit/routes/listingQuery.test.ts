import { describe, expect, it } from 'vitest'
import { parseListingQuery, toListingQuery } from '~/utils/routes/listingQuery'

describe('listing URL', () => {
  it('reads every filter, the sort and the view parameters', () => {
    const state = parseListingQuery({
      q: ' red mug ', category: 'kitchen', brand: ['zeta', 'acme,beta'], min_price: '10.5', max_price: '99.99',
      rating: '4', in_stock: '1', sort: 'price-asc', cursor: 'abc', from: 'xyz', page_size: '100',
    })
    expect(state).toEqual({
      query: { search: 'red mug', category: 'kitchen', brands: ['acme', 'beta', 'zeta'], minPrice: 1050, maxPrice: 9999, minRating: 4, inStock: true, sort: 'price-asc' },
      cursor: 'abc',
      from: 'xyz',
      pageSize: 100,
    })
  })

  it('ignores malformed values instead of failing the page', () => {
    const state = parseListingQuery({ min_price: 'cheap', max_price: '-5', rating: '9', sort: 'random', page_size: 'x', in_stock: 'maybe' })
    expect(state).toEqual({ query: {}, cursor: null, from: null, pageSize: undefined })
    // `from` only means something next to a cursor.
    expect(parseListingQuery({ from: 'xyz' }).from).toBeNull()
    // A minimum rating the filter does not offer would filter with no choice shown as made.
    expect(parseListingQuery({ rating: '5' }).query.minRating).toBeUndefined()
    expect(parseListingQuery({ rating: '1' }).query.minRating).toBe(1)
  })

  it('keeps hostile values away from the backend: slugs only, bounded lists and sizes, a printable bounded term', () => {
    const state = parseListingQuery({
      q: `\u202e<script>alert(1)</script>\u0000${'x'.repeat(500)}`,
      category: '"><svg onload=alert(1)>',
      brand: ['acme', '<img src=x onerror=alert(1)>', 'acme', ...Array.from({ length: 100 }, (_, i) => `b${i}`)],
      min_price: '1e9', max_price: '9'.repeat(40), page_size: '1e9', rating: 'NaN', sort: '-price;drop',
      cursor: '<script>', from: 'javascript:alert(1)',
    })
    expect(state.query.search).toHaveLength(200)
    expect(state.query.search?.startsWith('<script>alert(1)</script> x')).toBe(true)
    expect(state.query.category).toBeUndefined()
    expect(state.query.brands).toHaveLength(30)
    expect(state.query.brands).not.toContain('<img src=x onerror=alert(1)>')
    expect(state.query).not.toHaveProperty('minPrice')
    expect(state.query).not.toHaveProperty('maxPrice')
    expect(state.query).not.toHaveProperty('minRating')
    expect(state.query).not.toHaveProperty('sort')
    expect(state.pageSize).toBeUndefined()
    // Kept, so the list can refuse it with a 404 instead of showing the first page under this URL; `from` is dropped.
    expect(state.cursor).toBe('<script>')
    expect(state.from).toBeNull()
  })

  it('reads the largest page for a page size over the backend\'s maximum, and unicode slugs and emoji as written', () => {
    expect(parseListingQuery({ page_size: '1000000' }).pageSize).toBe(100)
    expect(parseListingQuery({ page_size: '-1' }).pageSize).toBeUndefined()
    expect(parseListingQuery({ category: 'küche', brand: 'マグ' }).query).toEqual({ category: 'küche', brands: ['マグ'] })
    expect(parseListingQuery({ q: '🍵 mug 👨‍👩‍👧' }).query.search).toBe('🍵 mug 👨‍👩‍👧')
  })

  it('writes equal filters as the same URL, whatever order they were given in', () => {
    const a = toListingQuery({ query: { brands: ['b', 'a'], minPrice: 1000, sort: 'newest' } })
    const b = toListingQuery({ query: { minPrice: 1000, brands: ['a', 'b', 'a'] } })
    expect(a).toEqual(b)
    expect(a).toEqual({ brand: ['a', 'b'], min_price: '10.00' })
  })

  it('round-trips through the URL', () => {
    const query = { search: 'mug', category: 'kitchen', brands: ['acme'], minPrice: 5, maxPrice: 120000, minRating: 3, inStock: true, sort: 'rating' as const }
    const url = toListingQuery({ query, cursor: 'c9', from: 'c8', pageSize: 48 })
    const back = parseListingQuery(url as Record<string, string | string[]>)
    expect(back).toEqual({ query, cursor: 'c9', from: 'c8', pageSize: 48 })
  })

  it('leaves out filters the route already carries', () => {
    expect(toListingQuery({ query: { category: 'kitchen', inStock: true } }, ['category'])).toEqual({ in_stock: '1' })
  })
})
