import dayjs from 'dayjs'
import relativeTime from 'dayjs/plugin/relativeTime'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(relativeTime)

/**
 * Dates as shoppers read them. Calendar dates are formatted in UTC so the server and the browser (in another
 * time zone) render the same text and hydration matches; relative times take the "now" to compare with.
 * Imported by the composables that show dates rather than provided by a plugin, so dayjs is in those pages'
 * chunks and not in every page's entry (first-view JS budget, bench/budgets.json).
 */
export interface DateFormatter {
  /** "March 2024" */
  monthYear(iso: string): string
  /** "12 March 2024" */
  day(iso: string): string
  /** "2 years ago", relative to `now` (ms). */
  fromNow(iso: string, now: number): string
  /** "12 March 2024, 14:05 UTC" */
  dayTime(iso: string): string
  /** "Tue 12 Mar" */
  shortDay(iso: string): string
  /** "Mar 12, 2024": what en-US Intl calls a medium date, without building an Intl.DateTimeFormat (its set-up is
   * 40-50 ms of a phone's main thread at 4x CPU throttling the first time a page builds one, issue 21). */
  mediumDay(iso: string): string
}

export const dates: DateFormatter = {
  monthYear: iso => dayjs.utc(iso).format('MMMM YYYY'),
  day: iso => dayjs.utc(iso).format('D MMMM YYYY'),
  fromNow: (iso, now) => dayjs.utc(iso).from(dayjs.utc(now)),
  dayTime: iso => dayjs.utc(iso).format('D MMMM YYYY, HH:mm [UTC]'),
  shortDay: iso => dayjs.utc(iso).format('ddd D MMM'),
  mediumDay: iso => dayjs.utc(iso).format('MMM D, YYYY'),
}
