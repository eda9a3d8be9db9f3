import { describe, expect, it } from 'vitest'
import { correctQuery, createFuzzyIndex, type FuzzyEntry } from '~/utils/search/fuzzy'

const entries: FuzzyEntry<string>[] = [
  { kind: 'category', text: 'Headphones', value: 'headphones', weight: 250 },
  { kind: 'category', text: 'Bedding', value: 'bedding', weight: 250 },
  { kind: 'category', text: 'Speakers', value: 'speakers', weight: 250 },
  { kind: 'brand', text: 'Nordpeak', value: 'nordpeak' },
  { kind: 'brand', text: 'Wildline', value: 'wildline' },
  { kind: 'recent', text: 'wireless earbuds', value: 'wireless earbuds' },
  { kind: 'product', text: 'Urban Wireless Headphones', value: 'p1' },
  { kind: 'product', text: 'Trail Studio Headphones', value: 'p2' },
  { kind: 'product', text: 'Compact Wireless Charging Pad', value: 'p3' },
  { kind: 'product', text: 'Oak Desk Lamp', value: 'p4' },
]

function texts(hits: ReturnType<ReturnType<typeof createFuzzyIndex<string>>['search']>) {
  return hits.map(h => `${h.entry.kind}:${h.entry.text}`)
}

describe('createFuzzyIndex', () => {
  const index = createFuzzyIndex(entries)

  it('forgives a missing letter: "hedphones" finds the headphones category and products', () => {
    expect(texts(index.search('hedphones'))).toEqual([
      'category:Headphones',
      'product:Trail Studio Headphones',
      'product:Urban Wireless Headphones',
    ])
  })

  it('matches word prefixes from the first keystroke', () => {
    expect(texts(index.search('w'))).toEqual([
      'recent:wireless earbuds',
      'brand:Wildline',
      'product:Urban Wireless Headphones',
      'product:Compact Wireless Charging Pad',
    ])
  })

  it('does not guess on three letters: "hed" is not "bed"', () => {
    expect(texts(index.search('hed'))).toEqual([])
  })

  it('ranks entries matching every token above those matching some', () => {
    const products = index.search('wireless headphones').filter(h => h.entry.kind === 'product')
    expect(products.map(h => h.entry.text)).toEqual(['Urban Wireless Headphones'])
  })

  it('drops entries that only match a single typed letter of a longer query', () => {
    const hits = texts(index.search('lamp s'))
    expect(hits).toContain('product:Oak Desk Lamp')
    expect(hits).not.toContain('category:Speakers')
  })

  it('highlights what was typed on literal hits and the whole word on typos', () => {
    const [headphones] = index.search('hedphones')
    expect(headphones!.ranges).toEqual([[0, 10]])
    const [recent] = index.search('wire')
    expect(recent!.entry.text).toBe('wireless earbuds')
    expect(recent!.ranges).toEqual([[0, 4]])
  })

  it('limits results per kind and breaks ties by weight', () => {
    const index2 = createFuzzyIndex<string>([
      { kind: 'brand', text: 'Sunline', value: 'a', weight: 1 },
      { kind: 'brand', text: 'Sunpeak', value: 'b', weight: 9 },
      { kind: 'brand', text: 'Sunworks', value: 'c', weight: 5 },
    ])
    expect(index2.search('sun', { limitPerKind: 2 }).map(h => h.entry.value)).toEqual(['b', 'c'])
  })

  it('keeps the searched vocabulary small: distinct words, not entries', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ kind: 'product' as const, text: `Urban Wireless Headphones`, value: String(i) }))
    const big = createFuzzyIndex(many)
    expect(big.size).toBe(5000)
    expect(big.vocabularySize).toBe(3)
  })

  it('returns nothing for an empty query or an empty index', () => {
    expect(index.search('   ')).toEqual([])
    expect(createFuzzyIndex([]).search('lamp')).toEqual([])
  })
})

describe('correctQuery', () => {
  const terms = createFuzzyIndex(entries.filter(e => e.kind !== 'product'))
  const products = createFuzzyIndex(entries.filter(e => e.kind === 'product'))

  it('replaces each unknown word by the closest word any index knows', () => {
    expect(correctQuery('wirelss hedphones', [terms, products])).toBe('wireless headphones')
  })

  it('keeps a word one index knows even if another would "fix" it', () => {
    expect(correctQuery('nordpeak lamp', [products, terms])).toBeNull()
  })

  it('returns null when every word is known or nothing is close', () => {
    expect(correctQuery('Wireless Headphones', [terms, products])).toBeNull()
    expect(correctQuery('xyzzy', [terms, products])).toBeNull()
  })
})
