import type { Money } from '~/services/domain/money'

// Building an Intl.NumberFormat costs far more than using one (~26 µs against ~0.4 µs on this machine, and a
// /products render built one per price shown and per price converted). The shop's currencies each get one
// formatter, built the first time that currency is shown and kept: the same for every request, so nothing per
// request is stored at module level. Built on first use rather than all at module load: a page shows one or two
// currencies, and building all eleven was ~40 ms of a phone's hydration (4x CPU throttling, issue 21).
// Any other currency or locale gets a fresh formatter per call, which is correct, only slower.
const DISPLAY_LOCALE = 'en-US'
const SHOP_CURRENCIES: ReadonlySet<string> = new Set(['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN'])
const built = new Map<string, { format: Intl.NumberFormat, exponent: number }>()

function exponentOf(format: Intl.NumberFormat): number {
  return format.resolvedOptions().maximumFractionDigits ?? 2
}

/** The kept formatter of a shop currency in the display locale; undefined for any other. */
function shopFormat(currency: string): { format: Intl.NumberFormat, exponent: number } | undefined {
  if (!SHOP_CURRENCIES.has(currency)) return undefined
  let entry = built.get(currency)
  if (!entry) {
    const format = new Intl.NumberFormat(DISPLAY_LOCALE, { style: 'currency', currency })
    entry = { format, exponent: exponentOf(format) }
    built.set(currency, entry)
  }
  return entry
}

function currencyFormat(currency: string, locale = DISPLAY_LOCALE): Intl.NumberFormat {
  const kept = locale === DISPLAY_LOCALE ? shopFormat(currency)?.format : undefined
  return kept ?? new Intl.NumberFormat(locale, { style: 'currency', currency })
}

/** ISO 4217 minor-unit exponent (USD 2, JPY 0, KWD 3), from Intl so we carry no table. */
export function currencyExponent(currency: string): number {
  return shopFormat(currency)?.exponent ?? exponentOf(currencyFormat(currency))
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/

/**
 * "19.99" -> 1999 by string arithmetic, so "0.10" + "0.20" is exactly 30.
 * Extra fraction digits are rounded half away from zero.
 */
export function toMinorUnits(decimal: string, currency: string): number {
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

export function money(decimal: string, currency: string): Money {
  return { amount: toMinorUnits(decimal, currency), currency }
}

/** Locale-aware display from minor units. */
export function formatMoney(value: Money, locale = DISPLAY_LOCALE): string {
  const exp = currencyExponent(value.currency)
  return currencyFormat(value.currency, locale).format(value.amount / 10 ** exp)
}
