import type { SuggestionGroupKind } from './suggestionOptions'

// Apart from suggestionOptions.ts, so code that only needs the limits does not pull in the suggestion rows'.
/** Rows shown per group in the suggestion popup. */
export const GROUP_LIMITS: Record<SuggestionGroupKind, number> = { recent: 4, query: 4, category: 3, brand: 2, product: 4 }
