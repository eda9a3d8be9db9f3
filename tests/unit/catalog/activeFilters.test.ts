import { describe, expect, it } from 'vitest'
import { activeFilterCount } from '~/services/domain/activeFilters'

describe('activeFilterCount', () => {
  it('counts each brand, the price range once, the rating and availability', () => {
    expect(activeFilterCount({}, {})).toBe(0)
    expect(activeFilterCount({ brands: ['a', 'b'] }, {})).toBe(2)
    expect(activeFilterCount({ minPrice: 1000, maxPrice: 5000 }, {})).toBe(1)
    expect(activeFilterCount({ maxPrice: 5000 }, {})).toBe(1)
    // A typed price of 0 is a filter the shopper set (and can clear).
    expect(activeFilterCount({ minPrice: 0 }, {})).toBe(1)
    expect(activeFilterCount({ brands: ['a'], minPrice: 100, minRating: 4, inStock: true }, {})).toBe(4)
  })

  it('counts a category the shopper chose, not the one the page is, nor the sort or a search term', () => {
    expect(activeFilterCount({ category: 'mugs' }, {})).toBe(1)
    expect(activeFilterCount({ category: 'mugs', inStock: true }, { category: 'mugs' })).toBe(1)
    expect(activeFilterCount({ search: 'mug', sort: 'price-asc' }, {})).toBe(0)
  })
})
