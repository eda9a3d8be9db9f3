import type { ProductSummary } from '~/services/domain/product'
import type { Suggestion } from '~/services/domain/search'
import type { FuzzyHit } from '~/utils/search/fuzzy'
import { literalRanges, type TextRange } from '~/utils/search/highlight'
import { categoryPath, productPath } from '~/utils/routes/paths'
import { brandPath, searchPath } from '~/utils/routes/searchPaths'
import { GROUP_LIMITS } from './groupLimits'

export type SuggestionGroupKind = 'recent' | 'query' | 'category' | 'brand' | 'product'

/** One row of the dropdown, whatever produced it. */
export interface SuggestionOption {
  /** Unique within a dropdown: kind + identity, so server and local rows for the same thing merge. */
  key: string
  kind: SuggestionGroupKind
  text: string
  /** Spans of `text` to highlight. */
  ranges: TextRange[]
  /** Where choosing the row goes. */
  to: string
  /** Thumbnail and price for product rows, when known. */
  product: ProductSummary | null
  /** Answered by the server for the current query, or known locally (instant, typo-tolerant). */
  source: 'server' | 'local'
}

export interface SuggestionGroup {
  kind: SuggestionGroupKind
  label: string
  options: SuggestionOption[]
}

/** What the client already knows, as fuzzy index values. */
export type LocalTarget =
  | { kind: 'recent', query: string }
  | { kind: 'category', slug: string }
  | { kind: 'brand', slug: string }
  | { kind: 'product', product: ProductSummary }

export const GROUP_LABELS: Record<SuggestionGroupKind, string> = {
  recent: 'Recent searches',
  query: 'Searches',
  category: 'Categories',
  brand: 'Brands',
  product: 'Products',
}

export function optionFromSuggestion(suggestion: Suggestion, query: string): SuggestionOption {
  const base = { text: suggestion.text, ranges: literalRanges(suggestion.text, query), source: 'server' as const }
  switch (suggestion.kind) {
    case 'query':
      return { ...base, kind: 'query', key: `query:${suggestion.text.toLowerCase()}`, to: searchPath(suggestion.text), product: null }
    case 'category':
      return { ...base, kind: 'category', key: `category:${suggestion.slug}`, to: categoryPath(suggestion.slug), product: null }
    case 'product':
      return { ...base, kind: 'product', key: `product:${suggestion.id}`, to: productPath(suggestion), product: suggestion.product }
  }
}

export function optionFromHit(hit: FuzzyHit<LocalTarget>): SuggestionOption {
  const target = hit.entry.value
  const base = { text: hit.entry.text, ranges: hit.ranges, source: 'local' as const, product: null }
  switch (target.kind) {
    case 'recent':
      return { ...base, kind: 'recent', key: `query:${target.query.toLowerCase()}`, to: searchPath(target.query) }
    case 'category':
      return { ...base, kind: 'category', key: `category:${target.slug}`, to: categoryPath(target.slug) }
    case 'brand':
      return { ...base, kind: 'brand', key: `brand:${target.slug}`, to: brandPath(target.slug) }
    case 'product':
      return { ...base, kind: 'product', key: `product:${target.product.id}`, to: productPath(target.product), product: target.product }
  }
}

/**
 * Groups rows in a fixed order (recent, searches, categories, brands, products). Earlier rows win a duplicate
 * key, so callers pass server rows first: they answer the current query exactly. A query that is both a recent
 * search and a server suggestion shows once, as the recent search.
 */
export function groupOptions(rows: readonly SuggestionOption[]): SuggestionGroup[] {
  const seen = new Set<string>()
  const byKind = new Map<SuggestionGroupKind, SuggestionOption[]>()
  const ordered = [...rows.filter(r => r.kind === 'recent'), ...rows.filter(r => r.kind !== 'recent')]
  for (const row of ordered) {
    if (seen.has(row.key)) continue
    const list = byKind.get(row.kind) ?? []
    if (list.length >= GROUP_LIMITS[row.kind]) continue
    seen.add(row.key)
    list.push(row)
    byKind.set(row.kind, list)
  }
  return (Object.keys(GROUP_LABELS) as SuggestionGroupKind[])
    .filter(kind => byKind.get(kind)?.length)
    .map(kind => ({ kind, label: GROUP_LABELS[kind], options: byKind.get(kind)! }))
}
