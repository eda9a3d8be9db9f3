import type { Money } from '~/services/domain/money'

// Building an Intl.NumberFormat costs far more than using one (~26 µs against ~0.4 µs on this machine, and a
// /products render built one per price shown and per price converted), so formatters are kept per locale and
// currency, and exponents per currency. Safe to share across requests: each is derived from those strings alone and holds nothing of a
// shopper's. The bound only guards against a flood of distinct currency codes (invalid ones throw before they
// are stored).
const formatters = new Map<string, Intl.NumberFormat>()
const MAX_FORMATTERS = 64

function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency })
    if (formatters.size >= MAX_FORMATTERS) formatters.clear()
    formatters.set(key, format)
  }
  return format
}

const exponents = new Map<string, number>()

/** ISO 4217 minor-unit exponent (USD 2, JPY 0, KWD 3), from Intl so we carry no table. */
export function currencyExponent(currency: string): number {
  let exp = exponents.get(currency)
  if (exp === undefined) {
    exp = currencyFormat('en', currency).resolvedOptions().maximumFractionDigits ?? 2
    if (exponents.size >= MAX_FORMATTERS) exponents.clear()
    exponents.set(currency, exp)
  }
  return exp
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
export function formatMoney(value: Money, locale = 'en-US'): string {
  const exp = currencyExponent(value.currency)
  return currencyFormat(locale, value.currency).format(value.amount / 10 ** exp)
}
