import { describe, expect, it } from 'vitest'
import { correctQuery, createFuzzyIndex, searchIndexes, type FuzzyEntry } from '~/utils/search/fuzzy'
import { seedProducts, seedTaxonomy } from '~/tests/mocks/seed/seedCatalog'
import { DEFAULT_SEED, DEFAULT_SEED_PRODUCTS } from '~/tests/mocks/seed/constants'

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

  it('matches words from their start: "char" lists Chargers, not Haircare or Skincare (their "car")', () => {
    const categories = createFuzzyIndex<string>(['Chargers', 'Haircare', 'Skincare', 'Headphones'].map(name => ({ kind: 'category', text: name, value: name })))
    const hits = categories.search('char')
    expect(hits.map(h => h.entry.text)).toEqual(['Chargers'])
    expect(hits[0]!.ranges).toEqual([[0, 4]])
    // A typo at the start still counts, and a literal hit inside a word still finds it.
    expect(categories.search('chagers').map(h => h.entry.text)).toEqual(['Chargers'])
    expect(categories.search('phones').map(h => h.entry.text)).toEqual(['Headphones'])
  })

  it('falls back on typos only when the token is not found as typed: "lamp" does not bring "Camping"', () => {
    const mixed = createFuzzyIndex<string>([
      { kind: 'category', text: 'Camping', value: 'camping' },
      { kind: 'product', text: 'Oak Desk Lamp', value: 'p4' },
    ])
    expect(texts(mixed.search('lamp'))).toEqual(['product:Oak Desk Lamp'])
    // "clamp" is one letter more than Camping's "camp", but found as typed.
    const clamps = createFuzzyIndex<string>([{ kind: 'category', text: 'Camping', value: 'camping' }, { kind: 'product', text: 'Bench Clamp', value: 'p7' }])
    expect(texts(clamps.search('clamp'))).toEqual(['product:Bench Clamp'])
    // Not found as typed: a typo away counts ("camp" is one away from "lamp", not from "lanp").
    expect(texts(mixed.search('lanp'))).toEqual(['product:Oak Desk Lamp'])
    expect(texts(mixed.search('camq'))).toEqual(['category:Camping'])
  })

  it('forgives a typo only against a whole word or a word\'s start long enough for one: "chai" is not Haircare ("hai")', () => {
    const mixed = createFuzzyIndex<string>([
      { kind: 'category', text: 'Haircare', value: 'haircare' },
      { kind: 'category', text: 'Chargers', value: 'chargers' },
      { kind: 'product', text: 'Studio Chinos', value: 'p6' },
    ])
    // "hai" and "chi" are three-letter fragments: as a three-letter term would, they get no typo.
    // "char" is a word's start as long as the term, one letter off.
    expect(texts(mixed.search('chai'))).toEqual(['category:Chargers'])
    // A whole word still forgives the term's own typos, and a longer start still counts.
    expect(texts(mixed.search('haiecare'))).toEqual(['category:Haircare'])
    expect(texts(mixed.search('chinoss'))).toEqual(['product:Studio Chinos'])
  })

  it('counts a swapped pair of neighbouring letters as one typo', () => {
    const [headphones] = index.search('haedphones')
    expect(headphones!.entry.text).toBe('Headphones')
    // One typo in ten letters, like "hedphones" (one in nine), not two.
    expect(headphones!.score).toBeCloseTo(1 / 10)
    // Four letters forgive one typo: two would have dropped it.
    expect(texts(index.search('lmap'))).toEqual(['product:Oak Desk Lamp'])
    expect(texts(index.search('wirelses')).slice(0, 1)).toEqual(['recent:wireless earbuds'])
    expect(index.search('wirelses')[0]!.score).toBeCloseTo(1 / 8)
  })

  it('returns nothing for an empty query or an empty index', () => {
    expect(index.search('   ')).toEqual([])
    expect(createFuzzyIndex([]).search('lamp')).toEqual([])
  })
})

describe('the typo rule on the seeded catalog\'s words', () => {
  // As the header box has them with every product in the store: the shop's terms, and the products.
  const taxonomy = seedTaxonomy()
  const terms = createFuzzyIndex<string>([
    ...taxonomy.categories.map(c => ({ kind: 'category' as const, text: c.name, value: c.slug })),
    ...taxonomy.brands.map(b => ({ kind: 'brand' as const, text: b.name, value: b.slug })),
  ])
  const products = createFuzzyIndex<string>(seedProducts(DEFAULT_SEED, DEFAULT_SEED_PRODUCTS, taxonomy)
    .map(p => ({ kind: 'product' as const, text: p.title, value: p.slug })))
  const found = (query: string) => [...new Set(searchIndexes(query, [[terms, 3], [products, 4]]).map(h => `${h.entry.kind}:${h.entry.text}`))]
  const kinds = (query: string, kind: string) => found(query).filter(hit => hit.startsWith(`${kind}:`))

  it('takes no first letter away: "chair" (no chair in the shop) is not Haircare, "hair" one letter dropped', () => {
    expect(found('chair').filter(hit => /hair/i.test(hit))).toEqual([])
    // Nor a first letter changed, with only the terms to go by (a cold store): the seeded products' "lamp",
    // "pair" (Pillowcase Pair), "cable" and "fineliner" are not "camp", "hair", "table" and "pineline".
    for (const word of ['lamp', 'pair', 'cable', 'fineliner']) expect(terms.search(word)).toEqual([])
    // One changed further on still is: "stove" is "stone" (no stove in the terms), the Stone- brands.
    expect(terms.search('stove').map(h => h.entry.text)).toContain('Stoneline')
  })

  it('still rescues the typos after the first letter: "hiarcare", "lmap", "sneakr", "nordpek", "hedphones"', () => {
    expect(kinds('hiarcare', 'category')).toEqual(['category:Haircare'])
    expect(kinds('lmap', 'product').length).toBeGreaterThan(0)
    expect(kinds('lmap', 'product').every(hit => hit.endsWith(' Lamp'))).toBe(true)
    expect(kinds('sneakr', 'category')).toEqual(['category:Sneakers'])
    expect(kinds('nordpek', 'brand')).toEqual(['brand:Nordpeak'])
    expect(kinds('hedphones', 'category')).toEqual(['category:Headphones'])
  })

  it('finds a chair a typo away once the shop has one: "chiar" is "chair", a swap after the first letter', () => {
    const withChairs = createFuzzyIndex<string>([{ kind: 'category', text: 'Chairs', value: 'chairs' }, { kind: 'product', text: 'Oak Dining Chair', value: 'c1' }])
    expect(texts(searchIndexes('chiar', [[terms, 3], [withChairs, 4]]))).toEqual(expect.arrayContaining(['category:Chairs', 'product:Oak Dining Chair']))
    // And "chair" typed as it is lists only what has it: no typo of it (Chargers' "char") comes along.
    expect(texts(searchIndexes('chair', [[terms, 3], [withChairs, 4]]))).toEqual(['category:Chairs', 'product:Oak Dining Chair'])
  })

  it('forgives a first letter only in a term long enough for two typos: "neadphones" but not "ahir"', () => {
    expect(kinds('neadphones', 'category')).toEqual(['category:Headphones'])
    expect(terms.search('ahir')).toEqual([])
    // A first letter changed in eight letters is two typos: the most a term that long has.
    expect(terms.search('naircare').map(h => h.entry.text)).toEqual(['Haircare'])
    expect(terms.search('naircare')[0]!.score).toBeCloseTo(2 / 8)
  })

  it('corrects a search to words at the same start: "chair" and "lmap" are not "hair" and "camp"', () => {
    expect(correctQuery('lmap', [terms, products])).toBe('lamp')
    expect(correctQuery('hiarcare', [terms, products])).toBe('haircare')
    expect(correctQuery('chair', [products, terms])).not.toMatch(/hair/)
    expect(correctQuery('pair', [terms])).toBeNull()
  })

  it('keeps a word the products have though a term starts with it: "hair" is not corrected to "haircare"', () => {
    expect(correctQuery('hair', [terms, products])).toBeNull()
    expect(correctQuery('hair lmap', [terms, products])).toBe('hair lamp')
  })
})

describe('searchIndexes', () => {
  // As the header box searches: the shop's terms and the products in the store are two indexes.
  const terms = createFuzzyIndex<string>([
    { kind: 'category', text: 'Camping', value: 'camping' },
    { kind: 'category', text: 'Lighting', value: 'lighting' },
    { kind: 'brand', text: 'Campworks', value: 'campworks' },
  ])
  const products = createFuzzyIndex<string>([{ kind: 'product', text: 'Oak Desk Lamp', value: 'p4' }])
  const both = (query: string) => texts(searchIndexes(query, [[terms, 3], [products, 4]]))

  it('falls back on typos only when no index finds the term as typed: "lamp" in a product keeps Camping out', () => {
    expect(both('lamp')).toEqual(['product:Oak Desk Lamp'])
    // Categories and brands follow the same rule as product words when nothing is found as typed.
    expect(both('camq')).toEqual(['category:Camping', 'brand:Campworks'])
    expect(both('lanp')).toEqual(['product:Oak Desk Lamp'])
  })

  it('also counts words found as typed in other texts shown along (the server\'s rows for the query)', () => {
    // "clamp" is "camp" with one letter more (since a first letter changed counts two, "lamp" is no longer "camp").
    expect(texts(searchIndexes('clamp', [[terms, 3]], ['Bench Clamp']))).toEqual([])
    expect(texts(searchIndexes('clamp', [[terms, 3]], ['Tent']))).toEqual(['category:Camping', 'brand:Campworks'])
  })

  it('forgives no typo while the rows that may have the word as typed are not known (shownAlong null)', () => {
    expect(texts(searchIndexes('camq', [[terms, 3]], null))).toEqual([])
    expect(texts(searchIndexes('lanp', [[terms, 3], [products, 4]], null))).toEqual([])
    // What is found as typed is listed at once.
    expect(texts(searchIndexes('camp', [[terms, 3]], null))).toEqual(['category:Camping', 'brand:Campworks'])
    expect(texts(searchIndexes('lamp', [[terms, 3], [products, 4]], null))).toEqual(['product:Oak Desk Lamp'])
  })

  it('limits each index to its own count per kind', () => {
    const many = createFuzzyIndex<string>(Array.from({ length: 6 }, (_, i) => ({ kind: 'product' as const, text: `Desk Lamp ${i}`, value: `l${i}` })))
    expect(searchIndexes('lamp', [[terms, 3], [many, 2]])).toHaveLength(2)
  })
})

describe('correctQuery', () => {
  const terms = createFuzzyIndex(entries.filter(e => e.kind !== 'product'))
  const products = createFuzzyIndex(entries.filter(e => e.kind === 'product'))

  it('replaces each unknown word by the closest word any index knows', () => {
    expect(correctQuery('wirelss hedphones', [terms, products])).toBe('wireless headphones')
  })

  it('corrects a swapped pair of letters as one typo', () => {
    expect(correctQuery('lmap haedphones', [terms, products])).toBe('lamp headphones')
  })

  it('keeps a word one index knows even if another would "fix" it', () => {
    expect(correctQuery('nordpeak lamp', [products, terms])).toBeNull()
  })

  it('does not "correct" a word to a longer one that only contains something like it: "towel" is not "stoneline"', () => {
    const brands = createFuzzyIndex<string>([{ kind: 'brand', text: 'Stoneline', value: 'stoneline', weight: 149 }])
    expect(correctQuery('towel', [brands, products])).toBeNull()
    const towels = createFuzzyIndex<string>([...entries, { kind: 'product', text: 'Cotton Bath Towels', value: 'p5' }])
    expect(correctQuery('towl', [brands, towels])).toBe('towels')
  })

  it('returns null when every word is known or nothing is close', () => {
    expect(correctQuery('Wireless Headphones', [terms, products])).toBeNull()
    expect(correctQuery('xyzzy', [terms, products])).toBeNull()
  })
})
