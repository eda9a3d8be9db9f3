import { onMounted } from 'vue'
import { useState } from '#app'
import { dates } from '~/utils/format/dates'

export interface OrderDate {
  /** For `<time datetime>`. */
  iso: string
  /** "3 minutes ago" */
  relative: string
  /** "1 March 2026, 14:05 UTC" */
  absolute: string
}

export interface UseOrderDatesReturn {
  /** An order's date, relative and absolute. */
  dateOf: (iso: string) => OrderDate
}

/**
 * Order dates as shoppers read them. Relative to the server's render time until the page is mounted, so the
 * hydrated text is the server's, then to the browser's clock.
 */
export function useOrderDates(): UseOrderDatesReturn {
  const now = useState('orders:now', () => Date.now())
  onMounted(() => {
    now.value = Date.now()
  })
  return {
    dateOf: iso => ({ iso, relative: dates.fromNow(iso, now.value), absolute: dates.dayTime(iso) }),
  }
}
