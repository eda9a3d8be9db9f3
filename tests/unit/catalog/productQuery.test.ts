import { describe, expect, it } from 'vitest'
import { queryKey } from '~/services/domain/productQuery'
import { listKey } from '~/stores/resources/cursorList'

describe('query keys', () => {
  it('are equal for equal queries and differ otherwise', () => {
    expect(queryKey({ brands: ['b', 'a'], sort: 'newest' })).toBe(queryKey({ brands: ['a', 'b'] }))
    expect(queryKey({})).toBe('all')
    expect(queryKey({ search: 'a' })).not.toBe(queryKey({ search: 'b' }))
  })

  it('cannot be forged by a search term that looks like another filter', () => {
    expect(queryKey({ search: 'x&category=y' })).not.toBe(queryKey({ search: 'x', category: 'y' }))
    expect(listKey(queryKey({ search: 'x|from=c1' }))).not.toBe(listKey(queryKey({ search: 'x' }), 'c1'))
  })
})
