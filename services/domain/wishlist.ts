import type { ProductSummary } from './product'

/** One product in the shopper's wishlist. Serializable: it travels in the SSR payload. */
export interface WishlistEntry {
  /** The backend's id of the entry (not the product's). */
  id: number
  product: ProductSummary
  /** When it was added (ISO 8601, kept as a string so the payload stays plain JSON). */
  addedAt: string
}

/** Every product id in the wishlist, newest first: what hearts need, without the summaries. */
export interface WishlistIds {
  productIds: number[]
}
