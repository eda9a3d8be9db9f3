import { CATEGORIES_PATH, PRODUCTS_PATH, SEARCH_PATH } from './paths'

// Catalog page paths (see paths.ts for how utils/routes/ is laid out).

/** The `{id}-{slug}` segment of a product page, as the router gives it (decoded). */
export function productSegment(product: { id: number, slug: string }): string {
  return `${product.id}-${product.slug}`
}

/** Canonical product page: /products/{id}-{slug}. */
export function productPath(product: { id: number, slug: string }): string {
  return `${PRODUCTS_PATH}/${encodeURIComponent(productSegment(product))}`
}

/** "123-blue-mug" -> { id: 123, slug: 'blue-mug' }; "123" -> slug ''; anything else -> null. */
export function parseProductSegment(segment: string): { id: number, slug: string } | null {
  const match = /^(\d+)(?:-(.*))?$/.exec(segment)
  if (!match) return null
  const id = Number(match[1])
  return Number.isSafeInteger(id) && id > 0 ? { id, slug: match[2] ?? '' } : null
}

export function categoryPath(slug: string): string {
  return `${CATEGORIES_PATH}/${encodeURIComponent(slug)}`
}

/** Results for a search term. */
export function searchPath(term: string): string {
  return `${SEARCH_PATH}?q=${encodeURIComponent(term)}`
}

/** Every product of a brand. */
export function brandPath(slug: string): string {
  return `${PRODUCTS_PATH}?brand=${encodeURIComponent(slug)}`
}
