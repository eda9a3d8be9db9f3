/**
 * A count as the shop writes it, "10,000": en-US digit grouping of a whole number. Written out rather than with
 * Intl.NumberFormat because the first Intl formatter a page builds pays the engine's locale data set-up (~35 ms of
 * a phone's hydration at 4x CPU throttling, issue 21); a result count is in the listings' first view, their prices
 * are hydrated later (when idle), so the set-up is no longer in the first task.
 */
export function formatCount(count: number): string {
  const whole = Math.trunc(count)
  const digits = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return whole < 0 ? `-${digits}` : digits
}
