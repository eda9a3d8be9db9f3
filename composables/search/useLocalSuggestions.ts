import { computed, toRaw, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { useProductStore } from '~/stores/catalog/products'
import { useSearchStore } from '~/stores/search'
import type { correctQuery, createFuzzyIndex, FuzzyEntry, FuzzyHit, FuzzyIndex } from '~/utils/search/fuzzy'
import { GROUP_LIMITS } from './groupLimits'
import type { LocalTarget } from './suggestionOptions'

export interface UseLocalSuggestionsReturn {
  /** Typo-tolerant matches for the query among what the client knows, grouped by kind; instant. */
  hits: ComputedRef<FuzzyHit<LocalTarget>[]>
  /** Build the indexes now (on focus), so the first keystroke only searches, and fetch the vocabulary. */
  warm: () => void
  /** "Did you mean": the query with unknown words replaced by known ones; null if nothing to fix. */
  correct: (query: string) => string | null
}

/**
 * The fuzzy functions (utils/search/fuzzy.ts, over fuse.js). A parameter so the header box can load them on
 * first focus instead of in the entry chunk, while the /search page passes them statically for SSR.
 */
export interface FuzzyEngine {
  createFuzzyIndex: typeof createFuzzyIndex
  correctQuery: typeof correctQuery
}

/**
 * The instant layer: fuzzy search over category and brand names (the search store's vocabulary), recent
 * searches, and products already in the catalog store. Two indexes, because they change at different rates:
 * terms on every recent search (tiny), products only when the store gains or loses products. No hits (and no
 * correction) while `engine` is still null.
 */
export function useLocalSuggestions(
  query: MaybeRefOrGetter<string>,
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

  const hits = computed(() => {
    const q = toValue(query)
    if (!q.trim() || !termIndex.value || !productIndex.value) return []
    return [
      ...termIndex.value.search(q, { limitPerKind: GROUP_LIMITS.category }),
      ...productIndex.value.search(q, { limitPerKind: GROUP_LIMITS.product }),
    ]
  })

  return {
    hits,
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
