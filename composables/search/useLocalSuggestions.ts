import { computed, toRaw, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { useProductStore } from '~/stores/catalog/products'
import { useSearchStore } from '~/stores/search'
import type { correctQuery, createFuzzyIndex, FuzzyEntry, FuzzyIndex, searchIndexes } from '~/utils/search/fuzzy'
import type { LocalTarget } from './suggestionOptions'

/** The shop's terms (categories, brands, recent searches) and the products in the store. */
export type LocalIndexes = readonly [terms: FuzzyIndex<LocalTarget>, products: FuzzyIndex<LocalTarget>]

export interface UseLocalSuggestionsReturn {
  /** Both indexes once the engine is loaded, to search as one (searchIndexes): the header box's instant rows. */
  indexes: ComputedRef<LocalIndexes | null>
  /** Build the indexes now (on focus), so the first keystroke only searches, and fetch the vocabulary. */
  warm: () => void
  /** "Did you mean": the query with unknown words replaced by known ones; null if nothing to fix. */
  correct: (query: string) => string | null
}

/**
 * The fuzzy functions (utils/search/fuzzy.ts). A parameter so the header box can load them on
 * first focus instead of in the entry chunk, while the /search page passes them statically for SSR.
 */
export interface FuzzyEngine {
  createFuzzyIndex: typeof createFuzzyIndex
  searchIndexes: typeof searchIndexes
  correctQuery: typeof correctQuery
}

/**
 * The instant layer: fuzzy indexes over category and brand names (the search store's vocabulary), recent
 * searches, and products already in the catalog store. Two indexes, because they change at different rates:
 * terms on every recent search (tiny), products only when the store gains or loses products. No indexes (and no
 * correction) while `engine` is still null. Searching them is the header box's (useSearchSuggestions), so the
 * /search page, which only corrects, does not carry it.
 */
export function useLocalSuggestions(
  recent: MaybeRefOrGetter<readonly string[]>,
  engine: MaybeRefOrGetter<FuzzyEngine | null>,
): UseLocalSuggestionsReturn {
  const searchStore = useSearchStore()
  const productStore = useProductStore()

  const termIndex = computed<FuzzyIndex<LocalTarget> | null>(() => {
    const fuzzy = toValue(engine)
    if (!fuzzy) return null
    const vocabulary = searchStore.vocabulary
    const entries: FuzzyEntry<LocalTarget>[] = toValue(recent).map((q, i, all) => ({
      kind: 'recent', text: q, value: { kind: 'recent', query: q }, weight: all.length - i,
    }))
    for (const c of vocabulary?.categories ?? []) entries.push({ kind: 'category', text: c.name, value: { kind: 'category', slug: c.slug }, weight: c.count })
    for (const b of vocabulary?.brands ?? []) entries.push({ kind: 'brand', text: b.name, value: { kind: 'brand', slug: b.slug }, weight: b.count })
    return fuzzy.createFuzzyIndex(entries)
  })

  // Rebuild only when products come or go, not when one of them changes a field.
  const productCount = computed(() => Object.keys(productStore.byId).length)
  const productIndex = computed<FuzzyIndex<LocalTarget> | null>(() => {
    const fuzzy = toValue(engine)
    if (!fuzzy) return null
    void productCount.value
    const products = Object.values(toRaw(productStore.byId))
    return fuzzy.createFuzzyIndex(products.map(product => ({
      kind: 'product', text: product.title, value: { kind: 'product', product }, weight: product.reviewsCount,
    })))
  })

  return {
    indexes: computed(() => termIndex.value && productIndex.value ? [termIndex.value, productIndex.value] as const : null),
    warm() {
      void searchStore.loadVocabulary()
      void termIndex.value
      void productIndex.value
    },
    correct(q) {
      const fuzzy = toValue(engine)
      if (!fuzzy || !termIndex.value || !productIndex.value) return null
      return fuzzy.correctQuery(q, [termIndex.value, productIndex.value])
    },
  }
}
