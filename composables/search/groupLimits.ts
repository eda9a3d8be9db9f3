import type { SuggestionGroupKind } from './suggestionOptions'

// Apart from suggestionOptions.ts so the instant layer (useLocalSuggestions, also on /search) does not pull the
// suggestion-row code into that page.
/** Rows shown per group in the suggestion popup. */
export const GROUP_LIMITS: Record<SuggestionGroupKind, number> = { recent: 4, query: 4, category: 3, brand: 2, product: 4 }
