import { describe, expect, it } from 'vitest'
import { withOffset } from '~/services/mappers/datetime'
import { toReview } from '~/services/mappers/review'

describe('date-times from DRF', () => {
  it('gives a naive value (USE_TZ = False) the UTC offset and leaves one with an offset as it is', () => {
    expect(withOffset('2024-03-02T23:30:00')).toBe('2024-03-02T23:30:00Z')
    expect(withOffset('2024-03-02T23:30:00.123456')).toBe('2024-03-02T23:30:00.123456Z')
    expect(withOffset('2024-03-02T23:30')).toBe('2024-03-02T23:30Z')
    for (const kept of ['2024-03-02T23:30:00Z', '2024-03-02T23:30:00.123456+02:00', '2024-03-02T23:30:00-0500', '2024-03-02'])
      expect(withOffset(kept)).toBe(kept)
  })

  it('so every reader reads the same instant, wherever it runs', () => {
    const review = toReview({ id: 1, rating: 5, title: 'Good', body: 'Yes', author_name: 'Ada', created_at: '2024-03-02T23:30:00' } as Parameters<typeof toReview>[0])
    expect(Date.parse(review.createdAt)).toBe(Date.UTC(2024, 2, 2, 23, 30))
  })
})
