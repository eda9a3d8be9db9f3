import { describe, expect, it } from 'vitest'
import type { ApiErrorData } from '~/composables/core/api/ApiError'
import type { ProductQuery } from '~/services/domain/product'
import { withoutDropped } from '~/services/domain/droppedFilters'
import { staleFilters as dropped } from '~/services/domain/staleFilters'

/** What the listing does with a 400: the values it leaves out, and the query it loads instead. */
function staleFilters(error: ApiErrorData | null, query: ProductQuery, fixed?: ProductQuery) {
  const values = dropped(error, query, fixed)
  return values.length ? { dropped: values, query: withoutDropped(query, values) } : null
}

// The backend's 400s as django-filter words them (tests/drf-real/fixtures/products-*-400.json).
function badRequest(fieldErrors: Record<string, string[]>, status = 400): ApiErrorData {
  return { status, code: `http_${status}`, message: 'Bad request', fieldErrors, retryable: false }
}
const invalidChoice = (value: string) => [`Select a valid choice. ${value} is not one of the available choices.`]

describe('staleFilters', () => {
  it('leaves out the brand the backend names and keeps every other filter, the sort and the search term', () => {
    const query = { search: 'mug', brands: ['acme', 'no-such-brand'], inStock: true, minRating: 4, sort: 'price-asc' as const }
    expect(staleFilters(badRequest({ brand: invalidChoice('no-such-brand') }), query)).toEqual({
      dropped: [{ filter: 'brands', value: 'no-such-brand' }],
      query: { search: 'mug', brands: ['acme'], inStock: true, minRating: 4, sort: 'price-asc' },
    })
  })

  it('leaves out a category and a malformed price, each named by its parameter', () => {
    const query = { category: 'gone', minPrice: 500, maxPrice: 9000, inStock: true }
    expect(staleFilters(badRequest({ category: invalidChoice('gone'), min_price: ['Enter a number.'] }), query)).toEqual({
      dropped: [{ filter: 'category', value: 'gone' }, { filter: 'minPrice', value: '500' }],
      query: { maxPrice: 9000, inStock: true },
    })
  })

  it('leaves out every brand when the message names none of them (another wording, another language)', () => {
    expect(staleFilters(badRequest({ brand: ['Ungültige Auswahl.'] }), { brands: ['a', 'b'], inStock: true })?.query).toEqual({ inStock: true })
  })

  it('is not a stale filter: another status, errors about no filter of the query, or a filter the page fixes', () => {
    const query = { brands: ['gone'], category: 'old' }
    expect(staleFilters(badRequest({ brand: invalidChoice('gone') }, 404), query)).toBeNull()
    expect(staleFilters(badRequest({ brand: invalidChoice('gone') }, 500), query)).toBeNull()
    expect(staleFilters(badRequest({ page_size: ['Enter a whole number.'], non_field_errors: ['No.'] }), query)).toBeNull()
    expect(staleFilters(badRequest({ min_price: ['Enter a number.'] }), query)).toBeNull()
    expect(staleFilters(badRequest({ category: invalidChoice('old') }), query, { category: 'old' })).toBeNull()
    expect(staleFilters(null, query)).toBeNull()
  })
})
