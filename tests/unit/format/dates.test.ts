import { describe, expect, it } from 'vitest'
import { dates } from '~/utils/format/dates'

describe('dates.mediumDay', () => {
  it('reads as en-US Intl writes a medium date in UTC, whatever the time of day', () => {
    const intl = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })
    const start = Date.UTC(1999, 11, 31, 23, 59, 59)
    for (let i = 0; i < 400; i++) {
      // About every 11 days and a few hours over ~12 years: every month, leap days, both ends of a day.
      const iso = new Date(start + i * (11 * 86_400_000 + 3_600_000 * 7)).toISOString()
      expect(dates.mediumDay(iso), iso).toBe(intl.format(new Date(iso)))
    }
    expect(dates.mediumDay('2024-02-29T00:00:00Z')).toBe('Feb 29, 2024')
    expect(dates.mediumDay('2026-11-25T23:30:00-05:00')).toBe('Nov 26, 2026')
  })
})
