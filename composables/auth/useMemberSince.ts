import { computed, onMounted, type ComputedRef } from 'vue'
import { useState } from '#app'
import { dates } from '~/utils/format/dates'
import { useAuth } from './useAuth'

export interface MemberSince {
  /** ISO timestamp, for a <time datetime>. */
  iso: string
  /** "March 2024" */
  monthYear: string
  /** "2 years ago" */
  relative: string
}

/**
 * When the shopper joined, for the profile. Relative times are computed against the server's render time until
 * the page is mounted, so the hydrated text is exactly the server's (no mismatch), then against the browser clock.
 */
export function useMemberSince(): ComputedRef<MemberSince | null> {
  const { user } = useAuth()
  const now = useState('auth:member-since-now', () => Date.now())
  onMounted(() => {
    now.value = Date.now()
  })
  return computed(() => {
    const iso = user.value?.memberSince
    if (!iso) return null
    return { iso, monthYear: dates.monthYear(iso), relative: dates.fromNow(iso, now.value) }
  })
}
