import { describe, expect, it } from 'vitest'
import { parseTypedAmount } from '~/utils/format/typedAmount'

describe('parseTypedAmount', () => {
  it('reads amounts typed with a symbol, a code, spaces or thousands grouping', () => {
    const read = (text: string) => parseTypedAmount(text, 'USD')
    expect(read('19.99')).toBe(1999)
    expect(read(' 20 ')).toBe(2000)
    expect(read('$20')).toBe(2000)
    expect(read('$ 1,250')).toBe(125000)
    expect(read('12,500.50')).toBe(1250050)
    expect(read('1250 USD')).toBe(125000)
    expect(read('usd 5')).toBe(500)
    expect(read('0')).toBe(0)
    expect(parseTypedAmount('¥1,200', 'JPY')).toBe(1200)
  })

  it('says empty for an empty field and not an amount for anything it would have to guess', () => {
    const read = (text: string) => parseTypedAmount(text, 'USD')
    expect(read('')).toBeUndefined()
    expect(read('   ')).toBeUndefined()
    for (const text of ['19,99', '1,25', '12,34,567', 'abc', '$', '1.2.3', '-5', '$-5', '20 EUR', '1e3', '0x10']) {
      expect(read(text), text).toBeNull()
    }
  })
})
