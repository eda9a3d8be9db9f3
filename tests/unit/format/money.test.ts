import { describe, expect, it } from 'vitest'
import { formatMoney, fromMinorUnits, toMinorUnits } from '~/utils/format/money'

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
