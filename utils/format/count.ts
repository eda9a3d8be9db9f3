/**
 * A count as the shop writes it, "10,000": en-US digit grouping of a whole number. Written out rather than with
 * Intl.NumberFormat because the first Intl formatter a page builds pays the engine's locale data set-up (~35 ms of
 * a phone's hydration at 4x CPU throttling, issue 21); a result count is in the listings' first view. The shop's
 * prices are written out too (utils/format/money.ts), so a page starts without that set-up at all.
 */
export function formatCount(count: number): string {
  const whole = Math.trunc(count)
  const digits = groupDigits(String(Math.abs(whole)))
  return whole < 0 ? `-${digits}` : digits
}

/** "1234567" -> "1,234,567": en-US grouping of a string of digits (counts here, whole amounts in utils/format/money). */
export function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
