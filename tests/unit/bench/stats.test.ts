import { describe, expect, it } from 'vitest'
import { median, round, summarize } from '../../../bench/lib/stats'
import { formatSummary } from '../../../bench/report/markdown'

describe('bench statistics', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(median([9, 1, 5])).toBe(5)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })

  it('refuses to summarise no runs', () => {
    expect(() => median([])).toThrow(/no values/)
  })

  it('keeps the spread of the runs next to the median', () => {
    expect(summarize([120, 80, 100])).toEqual({ median: 100, min: 80, max: 120, runs: 3 })
  })

  it('rounds to the requested digits', () => {
    expect(round(1234.567, 1)).toBe(1234.6)
    expect(round(0.98765, 3)).toBe(0.988)
  })

  it('formats a summary as median (min–max), and one value when the runs agreed', () => {
    expect(formatSummary({ median: 100, min: 80, max: 120, runs: 3 }, ' ms')).toBe('100 ms (80–120)')
    expect(formatSummary({ median: 0, min: 0, max: 0, runs: 3 })).toBe('0')
    expect(formatSummary(null)).toBe('n/a')
  })
})
