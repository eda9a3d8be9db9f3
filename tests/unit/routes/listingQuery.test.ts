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
