// A backend's Retry-After, checked before it is passed on to a browser.

/** The longest wait passed on: DRF's coarsest throttle rate is per day. */
export const MAX_RETRY_AFTER_S = 86_400

const IMF_OR_RFC850_DATE = /^[A-Za-z]{3,9}, ?[\w -]{9,30} \d{2}:\d{2}:\d{2} GMT$/
const ASCTIME_DATE = /^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/

/** An HTTP-date in any of the three forms RFC 9110 asks recipients to read, in ms; NaN for anything else. */
function parseHttpDate(value: string): number {
  if (IMF_OR_RFC850_DATE.test(value)) return Date.parse(value)
  // asctime has no zone and means GMT; Date.parse would read it as local time.
  return ASCTIME_DATE.test(value) ? Date.parse(`${value} GMT`) : Number.NaN
}

/**
 * A backend's Retry-After as the browser may get it, in seconds: delta-seconds as sent, or an HTTP-date turned into seconds
 * from `now`, so the shopper's clock does not matter. Anything else, or a wait longer than a day, is dropped: the
 * shopper is then told to wait a moment.
 */
export function passableRetryAfter(header: string | null, now: number): number | undefined {
  const value = header?.trim() ?? ''
  const date = parseHttpDate(value)
  let seconds: number
  if (/^\d{1,10}$/.test(value)) seconds = Number(value)
  else if (!Number.isNaN(date)) seconds = Math.max(0, Math.ceil((date - now) / 1000))
  else return undefined
  return seconds <= MAX_RETRY_AFTER_S ? seconds : undefined
}
