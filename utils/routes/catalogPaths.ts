import { CATEGORIES_PATH, PRODUCTS_PATH } from './paths'
import { isSlug } from './slug'

// Product and category pages (see paths.ts for how utils/routes/ is laid out).

/**
 * The `{id}-{slug}` segment of a product page, as the router gives it (decoded); productSegment.ts reads it. A slug
 * the backend sent that is not one (spaces, markup, slashes) is left out: `/products/{id}` is still the product, and
 * the page's canonical and redirect use this same segment, so they agree.
 */
export function productSegment(product: { id: number, slug: string }): string {
  return product.slug && isSlug(product.slug) ? `${product.id}-${product.slug}` : String(product.id)
}

/** Canonical product page: /products/{id}-{slug}. */
export function productPath(product: { id: number, slug: string }): string {
  return `${PRODUCTS_PATH}/${encodeURIComponent(productSegment(product))}`
}

export function categoryPath(slug: string): string {
  return `${CATEGORIES_PATH}/${encodeURIComponent(slug)}`
}
