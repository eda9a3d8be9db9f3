import { describe, expect, it } from 'vitest'
import { literalRanges, mergeRanges, queryTokens, splitByRanges } from '~/utils/search/highlight'

describe('highlight', () => {
  it('finds every literal occurrence of each token, case-insensitively', () => {
    expect(literalRanges('Wireless Charging Pad, wireless', 'WIRE pad')).toEqual([[0, 4], [18, 21], [23, 27]])
  })

  it('merges overlapping and touching ranges', () => {
    expect(mergeRanges([[5, 8], [0, 2], [2, 3], [6, 10]])).toEqual([[0, 3], [5, 10]])
  })

  it('splits text into marked and plain parts that join back to the text', () => {
    const parts = splitByRanges('Oak Desk Lamp', [[4, 8]])
    expect(parts).toEqual([
      { text: 'Oak ', match: false },
      { text: 'Desk', match: true },
      { text: ' Lamp', match: false },
    ])
    expect(parts.map(p => p.text).join('')).toBe('Oak Desk Lamp')
  })

  it('tokenizes on anything that is not a letter or digit, keeping non-ASCII letters', () => {
    expect(queryTokens('USB-C  café, usb')).toEqual(['usb', 'c', 'café'])
  })
})
