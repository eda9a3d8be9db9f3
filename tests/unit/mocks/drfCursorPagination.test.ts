import { describe, expect, it } from 'vitest'
import { createDemoBackend } from '../../mocks/createDemoBackend'
import type { DemoContext } from '../../mocks/http/context'
import { decodeDrfCursor, encodeDrfCursor, paginateDrf } from '../../mocks/http/drfCursorPagination'

// The demo's 'drf' pagination against DRF 3.14's CursorPagination algorithm (rest_framework/pagination.py),
// on lists small enough to follow by hand.

interface Item { id: number, k: number }

/** Items named a, b, c... with the given sort keys, ascending by (k, id). */
function items(keys: number[]): Item[] {
  return keys.map((k, index) => ({ id: index + 1, k }))
}

const name = (item: Item) => String.fromCharCode(96 + item.id)

/** The fields paginateDrf reads from a request context: the query and the URL links are built on. */
function contextFor(url: string): DemoContext {
  const parsed = new URL(url)
  return { query: parsed.searchParams, publicUrl: parsed } as unknown as DemoContext
}

function pageAt(list: Item[], url: string) {
  const page = paginateDrf(contextFor(url), { sorted: list, key: i => i.k, direction: 1, scope: 'test' }, () => true)
  return { names: page.items.map(name).join(''), next: page.next, previous: page.previous }
}

const cursorOf = (link: string | null) => decodeDrfCursor(new URL(link as string).searchParams.get('cursor') as string)

describe('DRF cursor encoding', () => {
  it('is base64 of "o=&r=&p=", zero offset and forward direction left out', () => {
    expect(atob(encodeDrfCursor({ offset: 3, reverse: true, position: '4.20' }))).toBe('o=3&r=1&p=4.20')
    expect(atob(encodeDrfCursor({ offset: 0, reverse: false, position: '7' }))).toBe('p=7')
    expect(decodeDrfCursor(btoa('o=2&p=19.99'))).toEqual({ offset: 2, reverse: false, position: '19.99' })
  })

  it('clamps the offset at offset_cutoff (DRF: 1000) and refuses junk with DRF\'s 404', () => {
    expect(decodeDrfCursor(btoa('o=5000&p=1')).offset).toBe(1000)
    expect(decodeDrfCursor(btoa('o=5000&p=1'), 1_000_000).offset).toBe(5000)
    for (const raw of ['%%%', btoa('o=-1'), btoa('r=yes')]) {
      expect(() => decodeDrfCursor(raw)).toThrow()
    }
  })
})

describe('DRF CursorPagination, by hand', () => {
  const base = 'http://api.test/api/things/?page_size=3'

  it('walks a run of ties longer than a page with position + offset, every item once', () => {
    const list = items([1, 2, 2, 2, 2, 2, 2, 2, 3])
    const first = pageAt(list, base)
    expect(first.names).toBe('abc')
    expect(cursorOf(first.next)).toEqual({ offset: 2, reverse: false, position: '1' })

    const second = pageAt(list, first.next as string)
    expect(second.names).toBe('def')
    // No unique position on the page: the cursor keeps the old position and adds the page size to the offset.
    expect(cursorOf(second.next)).toEqual({ offset: 5, reverse: false, position: '1' })

    const third = pageAt(list, second.next as string)
    expect(third.names).toBe('ghi')
    expect(third.next).toBeNull()
  })

  it('previous does not give back the page you came from inside a run of ties', () => {
    const list = items([1, 2, 2, 2, 2, 2, 2, 2, 3])
    const first = pageAt(list, base)
    const second = pageAt(list, first.next as string)
    // DRF: "The change in direction will introduce a paging artifact, where we end up skipping back a few extra items."
    expect(cursorOf(second.previous)).toEqual({ offset: 0, reverse: true, position: '2' })
    const back = pageAt(list, second.previous as string)
    expect(back.names).toBe('a')
    expect(back.names).not.toBe(first.names)
  })

  it('previous does give back the same page where positions are unique enough', () => {
    const list = items([1, 1, 1, 2, 2, 2, 2, 3])
    const first = pageAt(list, base)
    const second = pageAt(list, first.next as string)
    const third = pageAt(list, second.next as string)
    expect([first.names, second.names, third.names]).toEqual(['abc', 'def', 'gh'])
    expect(pageAt(list, second.previous as string).names).toBe('abc')
    expect(pageAt(list, third.previous as string).names).toBe('def')
  })
})

describe('the demo backend with the drf pagination profile', () => {
  const backend = createDemoBackend({ baseUrl: 'http://backend.test/api', seedProducts: 600, faults: false, profile: { pagination: 'drf', decimals: 'string' } })
  const get = async (url: string) => {
    const response = await backend.handle(new Request(url))
    return { status: response?.status, body: await response?.json() as { next: string | null, previous: string | null, results: Array<{ id: number, rating: string }> } }
  }

  it('walks -rating through runs of equal ratings: every product once, in order, ratings as decimal strings', async () => {
    let url: string | null = 'http://backend.test/api/products/?ordering=-rating&page_size=10'
    const ids: number[] = []
    const ratings: string[] = []
    while (url) {
      const { status, body } = await get(url)
      expect(status).toBe(200)
      ids.push(...body.results.map(p => p.id))
      ratings.push(...body.results.map(p => p.rating))
      url = body.next
    }
    expect(new Set(ids).size).toBe(600)
    expect(ids).toHaveLength(600)
    expect(ratings.every(r => /^\d\.\d{2}$/.test(r))).toBe(true)
    const values = ratings.map(Number)
    expect(values.every((value, i) => i === 0 || values[i - 1]! >= value)).toBe(true)
    // The test means something only if some rating repeats over several pages.
    const longestRun = Math.max(...[...new Set(ratings)].map(r => ratings.filter(x => x === r).length))
    expect(longestRun).toBeGreaterThan(30)
  })

  it('answers DRF\'s 404 for a cursor it cannot decode', async () => {
    const { status, body } = await get('http://backend.test/api/products/?cursor=not-base64!')
    expect(status).toBe(404)
    expect(body).toEqual({ detail: 'Invalid cursor' })
  })
})
