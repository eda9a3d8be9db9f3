import { describe, expect, it } from 'vitest'
import { cursorFromUrl, mapCursorPage } from '~/services/mappers/cursorPage'

describe('cursor pages', () => {
  it('takes the opaque cursor out of DRF absolute next/previous URLs', () => {
    const page = mapCursorPage({
      next: 'https://api.example.com/api/products/?cursor=cD0yMDI0&page_size=24',
      previous: 'https://api.example.com/api/products/?cursor=cj0xJnA9MjAyNA%3D%3D',
      results: [1, 2],
    }, n => n * 10)
    expect(page).toEqual({ items: [10, 20], nextCursor: 'cD0yMDI0', previousCursor: 'cj0xJnA9MjAyNA==' })
  })

  it('prefers an explicit next_cursor and treats null as the end', () => {
    expect(mapCursorPage({ next: null, previous: null, results: [], next_cursor: 'abc' }, x => x).nextCursor).toBe('abc')
    expect(mapCursorPage({ next: null, previous: null, results: [] }, x => x).nextCursor).toBeNull()
    expect(cursorFromUrl('not a url at all ::')).toBeNull()
  })
})
