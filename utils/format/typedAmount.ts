import { toMinorUnits } from './money'

// What shoppers type into a price field, read the way they meant it: "$1,250", "1250 USD", " 19.99 ". The display
// locale is en-US, so a comma groups thousands only where it could ("1,250", "12,500.50"); "19,99" stays unreadable
// rather than becoming 1,999.

const CURRENCY_SYMBOLS = /\p{Sc}/gu
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/

/**
 * A typed amount in minor units: undefined when the field is empty, null when it is not an amount (or is negative).
 * The currency's code and symbols around the number are ignored.
 */
export function parseTypedAmount(text: string, currency: string): number | undefined | null {
  if (text.trim() === '') return undefined
  const code = /^[a-z]{3}$/i.test(currency) ? new RegExp(`^${currency}|${currency}$`, 'gi') : null
  const unmarked = text.replace(CURRENCY_SYMBOLS, '').trim()
  const bare = code ? unmarked.replace(code, '').trim() : unmarked
  const number = GROUPED.test(bare) ? bare.replaceAll(',', '') : bare
  try {
    const minor = toMinorUnits(number, currency)
    return minor >= 0 ? minor : null
  }
  catch {
    return null
  }
}
