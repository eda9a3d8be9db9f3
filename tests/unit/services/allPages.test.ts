import { describe, expect, it } from 'vitest'
import { allPages, MAX_LIST_PAGES, nextPageQuery } from '~/services/mappers/allPages'

describe('reading a list the backend may paginate', () => {
  it('takes a plain array as it is, in one call', async () => {
    const asked: Array<string | null> = []
    expect(await allPages(async (query) => {
      asked.push(query?.toString() ?? null)
      return [1, 2, 3]
    })).toEqual([1, 2, 3])
    expect(asked).toEqual([null])
  })

  it('follows `next` with its query, whatever the pagination style', async () => {
    const pages: Record<string, { next: string | null, previous: null, results: number[] }> = {
      '': { next: 'https://api.example/api/categories/?page=2', previous: null, results: [1] },
      'page=2': { next: 'https://api.example/api/categories/?limit=1&offset=2', previous: null, results: [2] },
      'limit=1&offset=2': { next: null, previous: null, results: [3] },
    }
    expect(await allPages(async query => pages[query?.toString() ?? '']!)).toEqual([1, 2, 3])
  })

  it(`reads at most ${MAX_LIST_PAGES} pages of a list that never ends`, async () => {
    let calls = 0
    const items = await allPages(async () => {
      calls++
      return { next: `https://api.example/api/categories/?cursor=${calls}`, previous: null, results: [calls] }
    })
    expect(calls).toBe(MAX_LIST_PAGES)
    expect(items).toHaveLength(MAX_LIST_PAGES)
  })

  it('reads no next page from a missing or query-less `next`', () => {
    expect(nextPageQuery(null)).toBeNull()
    expect(nextPageQuery('https://api.example/api/categories/')).toBeNull()
    expect(nextPageQuery('/api/categories/?cursor=abc')?.get('cursor')).toBe('abc')
  })
})
