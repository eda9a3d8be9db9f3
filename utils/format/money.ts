import type { Money } from '~/services/domain/money'
import { groupDigits } from './count'

// The shop's currencies in the shop's display locale (en-US) are written out, not formatted by Intl.NumberFormat:
// the first Intl number formatter a page builds pays the engine's locale-data set-up, 35-85 ms of a phone's main
// thread (4x CPU throttling, measured in Chromium), and a product page or a listing's idle-hydrated cards paid it
// for their first price (issue 21). Written out, server and browser also render the same characters whatever ICU
// data each has, so a price cannot make hydration mismatch. tests/unit/format/money.test.ts checks every entry
// against Intl's own output. Any other currency or locale is formatted by Intl, which is correct, only slower.
const DISPLAY_LOCALE = 'en-US'

interface ShopCurrency {
  /** What en-US writes before the amount: "$", "CA$", "CHF" and a no-break space. */
  prefix: string
  /** ISO 4217 minor-unit exponent. */
  exponent: number
}

const NBSP = '\u00A0'
const SHOP_CURRENCIES: Readonly<Record<string, ShopCurrency>> = {
  USD: { prefix: '$', exponent: 2 },
  EUR: { prefix: '€', exponent: 2 },
  GBP: { prefix: '£', exponent: 2 },
  CAD: { prefix: 'CA$', exponent: 2 },
  AUD: { prefix: 'A$', exponent: 2 },
  JPY: { prefix: '¥', exponent: 0 },
  CHF: { prefix: `CHF${NBSP}`, exponent: 2 },
  SEK: { prefix: `SEK${NBSP}`, exponent: 2 },
  NOK: { prefix: `NOK${NBSP}`, exponent: 2 },
  DKK: { prefix: `DKK${NBSP}`, exponent: 2 },
  PLN: { prefix: `PLN${NBSP}`, exponent: 2 },
}

/** The shop currencies' display, for tests that hold it against Intl. */
export const SHOP_CURRENCY_CODES: readonly string[] = Object.keys(SHOP_CURRENCIES)

function shopCurrency(currency: string): ShopCurrency | undefined {
  return Object.hasOwn(SHOP_CURRENCIES, currency) ? SHOP_CURRENCIES[currency] : undefined
}

/** ISO 4217 minor-unit exponent (USD 2, JPY 0, KWD 3); from Intl for currencies the shop does not list. */
export function currencyExponent(currency: string): number {
  return shopCurrency(currency)?.exponent
    ?? new Intl.NumberFormat(DISPLAY_LOCALE, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits
    ?? 2
}

/** "-$1,234.50" from -123450 USD: en-US grouping, the currency's exponent, the sign before the symbol. */
function writeShopMoney(amount: number, currency: ShopCurrency): string {
  const digits = Math.abs(amount).toString().padStart(currency.exponent + 1, '0')
  const whole = currency.exponent ? digits.slice(0, -currency.exponent) : digits
  const fraction = currency.exponent ? `.${digits.slice(-currency.exponent)}` : ''
  const sign = amount < 0 || Object.is(amount, -0) ? '-' : ''
  return `${sign}${currency.prefix}${groupDigits(whole)}${fraction}`
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/

/**
 * "19.99" -> 1999 by string arithmetic, so "0.10" + "0.20" is exactly 30. Extra fraction digits are rounded half
 * away from zero. A JSON number (DRF with COERCE_DECIMAL_TO_STRING = False writes float(Decimal)) is read as the
 * decimal it prints as, its shortest round-trip text: 19.99 -> "19.99". Exponent forms are no price.
 */
export function toMinorUnits(value: string | number, currency: string): number {
  const decimal = String(value)
  const match = DECIMAL.exec(decimal.trim())
  if (!match) throw new RangeError(`Not a decimal amount: "${decimal}"`)
  const [, sign, whole, fraction = ''] = match
  const exp = currencyExponent(currency)
  const kept = fraction.slice(0, exp).padEnd(exp, '0')
  let minor = Number(whole) * 10 ** exp + Number(kept || '0')
  if (fraction.length > exp && Number(fraction[exp]) >= 5) minor += 1
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Amount out of range: "${decimal}"`)
  return sign && minor !== 0 ? -minor : minor
}

/** 1999 -> "19.99" (for sending back to the backend). */
export function fromMinorUnits(minor: number, currency: string): string {
  if (!Number.isInteger(minor)) throw new RangeError(`Minor units must be an integer: ${minor}`)
  const exp = currencyExponent(currency)
  const abs = Math.abs(minor).toString().padStart(exp + 1, '0')
  const whole = exp ? abs.slice(0, -exp) : abs
  const fraction = exp ? `.${abs.slice(-exp)}` : ''
  return `${minor < 0 ? '-' : ''}${whole}${fraction}`
}

export function money(decimal: string | number, currency: string): Money {
  return { amount: toMinorUnits(decimal, currency), currency }
}

/** Locale-aware display from minor units. */
export function formatMoney(value: Money, locale = DISPLAY_LOCALE): string {
  const shop = locale === DISPLAY_LOCALE && Number.isInteger(value.amount) ? shopCurrency(value.currency) : undefined
  if (shop) return writeShopMoney(value.amount, shop)
  const exp = currencyExponent(value.currency)
  return new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency }).format(value.amount / 10 ** exp)
}
