import { describe, expect, it } from 'vitest'
import { formatCount } from '~/utils/format/count'

describe('formatCount', () => {
  it('groups digits by thousands as en-US does', () => {
    for (const n of [0, 1, 12, 999, 1000, 10_000, 123_456, 1_000_000, 9_876_543_210, -1234]) {
      expect(formatCount(n)).toBe(new Intl.NumberFormat('en-US', { maximumFractionDigits: 0, roundingMode: 'trunc' }).format(n))
    }
  })
})
