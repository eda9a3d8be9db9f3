import { describe, expect, it } from 'vitest'
import type { Address } from '~/services/domain/address'
import { addressLines } from '~/utils/format/addressLines'
import { countryName, countryOptions } from '~/utils/format/countries'

const address = (country: string, city: string, postalCode: string, more: Partial<Address> = {}): Address =>
  ({ fullName: 'Ada Lovelace', line1: '12 Analytical Way', line2: 'Flat 3', city, postalCode, country, phone: '+1 555 0100', ...more })

describe('addressLines', () => {
  it('puts the postal code before the town on one line where the post wants it (France, Germany, the default)', () => {
    expect(addressLines(address('FR', 'Paris', '75002'))).toEqual(['Ada Lovelace', '12 Analytical Way', 'Flat 3', '75002 Paris', 'France', '+1 555 0100'])
    expect(addressLines(address('DE', 'Berlin', '10115'))[3]).toBe('10115 Berlin')
  })

  it('puts the town before the postal code on one line in North America and Australia', () => {
    expect(addressLines(address('US', 'Springfield', '62701'))).toEqual(['Ada Lovelace', '12 Analytical Way', 'Flat 3', 'Springfield 62701', 'United States', '+1 555 0100'])
    expect(addressLines(address('CA', 'Toronto', 'M5V 2T6'))[3]).toBe('Toronto M5V 2T6')
    expect(addressLines(address('AU', 'Sydney', '2000'))[3]).toBe('Sydney 2000')
  })

  it('gives the postal code a line of its own after the town in the United Kingdom and Ireland', () => {
    expect(addressLines(address('GB', 'London', 'N1 9GU'))).toEqual(['Ada Lovelace', '12 Analytical Way', 'Flat 3', 'London', 'N1 9GU', 'United Kingdom', '+1 555 0100'])
    expect(addressLines(address('IE', 'Dublin', 'D02 X285')).slice(3, 6)).toEqual(['Dublin', 'D02 X285', 'Ireland'])
  })

  it('follows the other orders: the town before the street in Hungary, the postal code above the town in Albania, a comma in Latvia', () => {
    expect(addressLines(address('HU', 'Budapest', '1011'))).toEqual(['Ada Lovelace', 'Budapest', '12 Analytical Way', 'Flat 3', '1011', 'Hungary', '+1 555 0100'])
    expect(addressLines(address('AL', 'Tirana', '1001')).slice(3, 5)).toEqual(['1001', 'Tirana'])
    expect(addressLines(address('LV', 'Rīga', 'LV-1050'))[3]).toBe('Rīga, LV-1050')
  })

  it('leaves out an empty second line, phone or postal code, with the separator that went with it', () => {
    const plain = { line2: '', phone: '' }
    expect(addressLines(address('US', 'Springfield', '62701', plain))).toEqual(['Ada Lovelace', '12 Analytical Way', 'Springfield 62701', 'United States'])
    expect(addressLines(address('GB', 'London', 'N1 9GU', { ...plain, line2: '  ' }))).toEqual(['Ada Lovelace', '12 Analytical Way', 'London', 'N1 9GU', 'United Kingdom'])
    expect(addressLines(address('LV', 'Rīga', ' ', plain))).toEqual(['Ada Lovelace', '12 Analytical Way', 'Rīga', 'Latvia'])
  })

  it('reads the country code in any case, and lays out an unknown one like the default', () => {
    expect(addressLines(address('gb', 'London', 'N1 9GU')).slice(3, 5)).toEqual(['London', 'N1 9GU'])
    expect(addressLines(address('XX', 'Town', '123')).slice(3)).toEqual(['123 Town', 'XX', '+1 555 0100'])
  })

  it('keeps every part once, the name first and the country then the phone last, for every country the shop offers', () => {
    for (const { value } of countryOptions()) {
      const lines = addressLines(address(value, 'Town', 'Z1P'))
      expect([6, 7]).toContain(lines.length)
      expect(lines[0]).toBe('Ada Lovelace')
      expect(lines.slice(-2)).toEqual([countryName(value), '+1 555 0100'])
      const middle = lines.slice(1, -2).join('\n')
      for (const part of ['12 Analytical Way', 'Flat 3', 'Town', 'Z1P']) expect(middle.split(part)).toHaveLength(2)
    }
  })
})
