import { describe, expect, it } from 'vitest'
import { nextPageQuery } from '~/services/mappers/allPages'
import { cursorFromUrl, mapCursorPage, pageQueryParams } from '~/services/mappers/cursorPage'
import { isWellFormedCursor } from '~/services/domain/pagination'

// DRF's three pagination styles, as their `next` links look behind a proxy that keeps the list's filters in them.
const NEXT = {
  cursor: 'https://internal.api:8000/api/products/?category=shoes&cursor=cD0yMDI0LTAxLTAx&page_size=24',
  pageNumber: 'https://internal.api:8000/api/products/?category=shoes&page=3&page_size=24',
  limitOffset: 'https://internal.api:8000/api/products/?category=shoes&limit=24&offset=48',
}

describe('a list\'s next page, whatever the pagination style', () => {
  it('is the cursor of CursorPagination, as it was', () => {
    expect(cursorFromUrl(NEXT.cursor)).toBe('cD0yMDI0LTAxLTAx')
    expect(pageQueryParams('cD0yMDI0LTAxLTAx')).toEqual({ cursor: 'cD0yMDI0LTAxLTAx' })
  })

  it('is the page number of PageNumberPagination, sent back as `page`', () => {
    expect(cursorFromUrl(NEXT.pageNumber)).toBe('page=3')
    expect(pageQueryParams('page=3')).toEqual({ page: '3' })
  })

  it('is the limit and offset of LimitOffsetPagination, sent back as both', () => {
    expect(cursorFromUrl(NEXT.limitOffset)).toBe('limit=24&offset=48')
    expect(pageQueryParams('limit=24&offset=48')).toEqual({ limit: '24', offset: '48' })
    expect(cursorFromUrl('/api/orders/?offset=10')).toBe('offset=10')
  })

  it('takes only the parameters that move the page: the list sends its own filters, never the backend\'s URL', () => {
    for (const next of Object.values(NEXT)) {
      const params = pageQueryParams(cursorFromUrl(next))
      expect(params).not.toHaveProperty('category')
      expect(params).not.toHaveProperty('page_size')
    }
  })

  it('agrees with allPages\' reader of `next` on every style (the two parsers stay apart for the first view\'s bytes)', () => {
    for (const next of Object.values(NEXT)) {
      const whole = nextPageQuery(next)!
      for (const [name, value] of Object.entries(pageQueryParams(cursorFromUrl(next)))) expect(whole.get(name)).toBe(value)
    }
  })

  it('is a cursor a listing URL may carry and the product list accepts', () => {
    for (const next of Object.values(NEXT)) expect(isWellFormedCursor(cursorFromUrl(next)!)).toBe(true)
  })

  it('is no page at the end, on the first page (`previous` without its number) or for a page query that is no number', () => {
    expect(cursorFromUrl(null)).toBeNull()
    expect(cursorFromUrl('https://api.example/api/products/?page_size=24')).toBeNull()
    expect(cursorFromUrl('https://api.example/api/products/?limit=24')).toBeNull()
    expect(cursorFromUrl('https://api.example/api/products/?page=2%26category%3Devil')).toBeNull()
    expect(pageQueryParams(null)).toEqual({})
  })

  it('sends a cursor that only looks like a page query as a cursor: a URL cannot add filters through it', () => {
    expect(pageQueryParams('page=2&category=evil')).toEqual({ cursor: 'page=2&category=evil' })
  })

  it('maps a numbered page: next and previous as page queries', () => {
    const page = mapCursorPage({
      count: 100,
      next: 'https://api.example/api/products/?page=3',
      previous: 'https://api.example/api/products/?page=1',
      results: [1],
    }, n => n)
    expect(page).toEqual({ items: [1], nextCursor: 'page=3', previousCursor: 'page=1' })
  })
})
