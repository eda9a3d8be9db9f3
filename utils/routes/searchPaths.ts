import { PRODUCTS_PATH, SEARCH_PATH } from './paths'

// Where search suggestions lead (see paths.ts for how utils/routes/ is laid out).

/** Results for a search term. */
export function searchPath(term: string): string {
  return `${SEARCH_PATH}?q=${encodeURIComponent(term)}`
}

/** Every product of a brand. */
export function brandPath(slug: string): string {
  return `${PRODUCTS_PATH}?brand=${encodeURIComponent(slug)}`
}
