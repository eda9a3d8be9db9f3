import { describe, expect, it } from 'vitest'
import { flattenJson } from '../../../bench/report/flatten'
import { searchRows } from '../../../bench/report/searchTable'

describe('flattenJson', () => {
  it('names each leaf by its path and joins arrays of plain values', () => {
    expect(flattenJson({ a: { b: 1 }, c: [2, 3], d: [{ e: true }] })).toEqual([
      ['a.b', '1'],
      ['c', '2, 3'],
      ['d[0].e', 'true'],
    ])
  })
})

describe('searchRows', () => {
  const report = {
    fuzzy: {
      items: 10_000,
      perKeystroke: { samples: 290, p50Ms: 0.4, p95Ms: 4.7, maxMs: 8.8 },
      buildMs: { p50Ms: 14.4 },
      naiveFuseFullTitles: { p50Ms: 29.3, p95Ms: 136 },
      budgetMs: 16,
      withinBudget: true,
    },
    suggestRequests: {
      cases: [
        { word: 'wireless', msPerKey: 300, rounds: 7, httpRequests: 14 },
        { word: 'wireless', msPerKey: 80, rounds: 1, httpRequests: 2 },
      ],
    },
  }

  it('summarises keystroke cost and suggestion rounds per word, slowest typing last', () => {
    const rows = searchRows(report)!
    expect(rows[0]![1]).toBe('p50 0.4 ms, p95 4.7 ms, max 8.8 ms (p95 budget 16 ms: within)')
    expect(rows.at(-1)).toEqual(['suggestion rounds typing "wireless"', '1 at 80 ms/key, 7 at 300 ms/key (each round = 2 HTTP requests)'])
  })

  it('gives up on a shape it does not know, so the caller can fall back', () => {
    expect(searchRows({ fuzzy: {} })).toBeNull()
    expect(searchRows({ ...report, suggestRequests: { cases: [{ word: 'x' }] } })).toBeNull()
  })
})
