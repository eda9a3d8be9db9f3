import { describe, expect, it } from 'vitest'
import { staleFilterSentences } from '~/composables/catalog/staleFilterNotice'
import type { DroppedFilter } from '~/services/domain/droppedFilters'

const brands = (...values: string[]): DroppedFilter[] => values.map(value => ({ filter: 'brands', value }))

describe('staleFilterSentences: what the listing says it left out', () => {
  it('names one removed brand or category', () => {
    expect(staleFilterSentences(brands('gone'))).toEqual(['The brand ‘gone’ is no longer available, so it was left out.'])
    expect(staleFilterSentences([{ filter: 'category', value: 'old' }])).toEqual(['The category ‘old’ is no longer available, so it was left out.'])
  })

  it('names every removed brand in one sentence, however many answers it took to learn them', () => {
    expect(staleFilterSentences(brands('gone1', 'gone2'))).toEqual(['The brands ‘gone1’ and ‘gone2’ are no longer available, so they were left out.'])
    expect(staleFilterSentences(brands('a', 'b', 'c', 'b'))).toEqual(['The brands ‘a’, ‘b’ and ‘c’ are no longer available, so they were left out.'])
  })

  it('one sentence per kind of filter; both ends of a price are one price filter', () => {
    expect(staleFilterSentences([
      ...brands('x', 'y'),
      { filter: 'category', value: 'old' },
      { filter: 'minPrice', value: '500' },
      { filter: 'maxPrice', value: '100' },
      { filter: 'sort', value: 'best' },
    ])).toEqual([
      'The brands ‘x’ and ‘y’ are no longer available, so they were left out.',
      'The category ‘old’ is no longer available, so it was left out.',
      'The price filter was not a valid amount, so it was left out.',
      'The sort order was not available, so the newest products come first.',
    ])
    expect(staleFilterSentences([])).toEqual([])
  })
})
