import Fuse from 'fuse.js'
import { createFuzzyIndex, type FuzzyEntry } from '~/utils/search/fuzzy'
import { seedProducts, seedTaxonomy } from '~/tests/mocks/seed/seedCatalog'
import { DEFAULT_SEED } from '~/tests/mocks/seed/constants'

/** Words a shopper types, one keystroke at a time: typos included, since that is the point of the layer. */
export const TYPED_WORDS = ['hedphones', 'wireless headphones', 'nordpek', 'sneakr', 'desk lamp', 'yoga mat'] as const

export interface Distribution {
  samples: number
  p50Ms: number
  p95Ms: number
  maxMs: number
  meanMs: number
}

export interface FuzzyKeystrokeResult {
  /** Entries in the index: categories, brands and the seeded products. */
  items: number
  /** Distinct words our index actually searches. */
  vocabularySize: number
  /** Building the index (once per change of the product store), ms. */
  buildMs: Distribution
  /** Our index: one search per keystroke of every typed word. */
  perKeystroke: Distribution
  /** For comparison: plain Fuse over all 10,000 titles, the approach the word index replaces. */
  naiveFuseFullTitles: Distribution
  /** One frame at 60 Hz. */
  budgetMs: number
  withinBudget: boolean
  /** What "hedphones" finds, to show the numbers are for useful answers. */
  sample: { query: string, top: string[] }
}

export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0
  const round = (n: number) => Math.round(n * 1000) / 1000
  return {
    samples: sorted.length,
    p50Ms: round(at(0.5)),
    p95Ms: round(at(0.95)),
    maxMs: round(sorted.at(-1) ?? 0),
    meanMs: round(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
  }
}

function keystrokes(word: string): string[] {
  return Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1))
}

/**
 * Per-keystroke cost of the instant layer at `items` products, measured the way the dropdown uses it:
 * every prefix of every typed word, after a warm-up pass (the first keystroke after a page load pays JIT once).
 */
export function measureFuzzyKeystrokes(items = 10_000, rounds = 5): FuzzyKeystrokeResult {
  const taxonomy = seedTaxonomy()
  const products = seedProducts(DEFAULT_SEED, items, taxonomy)
  const entries: FuzzyEntry<number>[] = [
    ...taxonomy.categories.map(c => ({ kind: 'category' as const, text: c.name, value: c.id })),
    ...taxonomy.brands.map(b => ({ kind: 'brand' as const, text: b.name, value: b.id })),
    ...products.map(p => ({ kind: 'product' as const, text: p.title, value: p.id })),
  ]

  const builds: number[] = []
  let index = createFuzzyIndex(entries)
  for (let i = 0; i < rounds; i++) {
    const start = performance.now()
    index = createFuzzyIndex(entries)
    builds.push(performance.now() - start)
  }

  const queries = TYPED_WORDS.flatMap(keystrokes)
  for (const q of queries) index.search(q, { limitPerKind: 4 })
  const times: number[] = []
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const start = performance.now()
      index.search(q, { limitPerKind: 4 })
      times.push(performance.now() - start)
    }
  }

  const naive = new Fuse(products.map(p => p.title), { threshold: 0.34, ignoreLocation: true })
  const naiveTimes: number[] = []
  for (const q of queries) {
    const start = performance.now()
    naive.search(q, { limit: 4 })
    naiveTimes.push(performance.now() - start)
  }

  const perKeystroke = distribution(times)
  const budgetMs = 16
  return {
    items: entries.length,
    vocabularySize: index.vocabularySize,
    buildMs: distribution(builds),
    perKeystroke,
    naiveFuseFullTitles: distribution(naiveTimes),
    budgetMs,
    withinBudget: perKeystroke.p95Ms < budgetMs,
    sample: { query: 'hedphones', top: index.search('hedphones', { limitPerKind: 3 }).map(h => `${h.entry.kind}: ${h.entry.text}`) },
  }
}
