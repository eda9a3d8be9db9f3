import { describe, expect, it } from 'vitest'
import { currencyExponent, formatMoney, fromMinorUnits, SHOP_CURRENCY_CODES, toMinorUnits } from '~/utils/format/money'

describe('toMinorUnits', () => {
  it('converts decimal strings exactly, without floating point drift', () => {
    expect(toMinorUnits('0.10', 'USD') + toMinorUnits('0.20', 'USD')).toBe(30)
    expect(toMinorUnits('19.99', 'USD')).toBe(1999)
    expect(toMinorUnits('1.005', 'USD')).toBe(101)
    expect(toMinorUnits('1.004', 'USD')).toBe(100)
    expect(toMinorUnits('123456789.99', 'USD')).toBe(12345678999)
    expect(toMinorUnits('7', 'USD')).toBe(700)
    expect(toMinorUnits('-2.50', 'EUR')).toBe(-250)
  })

  it('follows the currency exponent', () => {
    expect(toMinorUnits('1500', 'JPY')).toBe(1500)
    expect(toMinorUnits('1.234', 'KWD')).toBe(1234)
  })

  it('reads a JSON number (DRF with COERCE_DECIMAL_TO_STRING off) as the decimal it prints as', () => {
    expect(toMinorUnits(19.99, 'USD')).toBe(1999)
    expect(toMinorUnits(0.1, 'USD') + toMinorUnits(0.2, 'USD')).toBe(30)
    expect(toMinorUnits(7, 'USD')).toBe(700)
    expect(toMinorUnits(-2.5, 'EUR')).toBe(-250)
    expect(toMinorUnits(1500, 'JPY')).toBe(1500)
    expect(toMinorUnits(1.234, 'KWD')).toBe(1234)
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 1e300, 1e-7])
      expect(() => toMinorUnits(bad, 'USD'), String(bad)).toThrow(RangeError)
  })

  it('rejects what is not a decimal amount', () => {
    for (const bad of ['', 'abc', '1,00', '1e3', '0x10', '1.2.3', 'NaN'])
      expect(() => toMinorUnits(bad, 'USD'), bad).toThrow(RangeError)
  })
})

describe('fromMinorUnits', () => {
  it('round-trips through decimal strings', () => {
    for (const value of ['0.00', '0.05', '19.99', '100.00', '-3.40'])
      expect(fromMinorUnits(toMinorUnits(value, 'USD'), 'USD')).toBe(value)
    expect(fromMinorUnits(1500, 'JPY')).toBe('1500')
  })
})

describe('formatMoney', () => {
  it('formats minor units for the locale', () => {
    expect(formatMoney({ amount: 1999, currency: 'USD' })).toBe('$19.99')
    expect(formatMoney({ amount: 123456, currency: 'EUR' }, 'de-DE')).toBe('1.234,56\u00A0€')
  })
})

describe('prebuilt and per-call formatters', () => {
  it('keeps locales and currencies apart, whatever was formatted before', () => {
    expect(formatMoney({ amount: 123456, currency: 'EUR' }, 'de-DE')).toBe('1.234,56\u00A0€')
    expect(formatMoney({ amount: 123456, currency: 'EUR' }, 'en-US')).toBe('€1,234.56')
    expect(formatMoney({ amount: 123456, currency: 'JPY' }, 'en-US')).toBe('¥123,456')
    expect(formatMoney({ amount: 123456, currency: 'EUR' }, 'de-DE')).toBe('1.234,56\u00A0€')
  })

  it('formats any currency, prebuilt or not, and an unknown currency fails every time', () => {
    const codes = Intl.supportedValuesOf('currency').slice(0, 100)
    for (const code of codes) expect(formatMoney({ amount: 0, currency: code })).toMatch(/0/)
    expect(formatMoney({ amount: 1999, currency: 'USD' })).toBe('$19.99')
    expect(() => formatMoney({ amount: 1, currency: 'NOT-A-CODE' })).toThrow(RangeError)
    expect(() => formatMoney({ amount: 1, currency: 'NOT-A-CODE' })).toThrow(RangeError)
  })
})

describe('the shop currencies, written out without Intl', () => {
  // Whole amounts in minor units: small, around grouping boundaries, large, negative, and a spread of others.
  const amounts = [0, 1, 5, 10, 99, 100, 101, 999, 1000, 1999, 99999, 100000, 123456, 999999, 1000000, 123456789, 99999999999999]
  for (let i = 0; i < 200; i++) amounts.push(Math.floor(((i * 7919) % 1000003) * (i + 1) ** 2))
  const signed = [...amounts, ...amounts.map(amount => -amount)]

  it.each(SHOP_CURRENCY_CODES)('%s reads exactly as Intl.NumberFormat writes it in en-US, sign and grouping included', (currency) => {
    const intl = new Intl.NumberFormat('en-US', { style: 'currency', currency })
    const exponent = intl.resolvedOptions().maximumFractionDigits ?? 2
    expect(currencyExponent(currency)).toBe(exponent)
    for (const amount of signed) {
      expect(formatMoney({ amount, currency }), `${amount} ${currency}`).toBe(intl.format(amount / 10 ** exponent))
    }
    expect(formatMoney({ amount: -0, currency })).toBe(intl.format(-0))
  })

  it('leaves other currencies, other locales and fractional amounts to Intl', () => {
    expect(formatMoney({ amount: 1234, currency: 'KWD' })).toBe(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'KWD' }).format(1.234))
    expect(formatMoney({ amount: 123456, currency: 'USD' }, 'en-GB')).toBe('US$1,234.56')
    expect(formatMoney({ amount: 1999.5, currency: 'USD' })).toBe('$20.00')
  })

  it('stays exact where dividing by 100 in floating point would not', () => {
    expect(formatMoney({ amount: Number.MAX_SAFE_INTEGER, currency: 'USD' })).toBe('$90,071,992,547,409.91')
  })
})
