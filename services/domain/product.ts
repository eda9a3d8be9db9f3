import type { Money } from './money'

export interface ProductImage {
  url: string
  alt: string
  width: number
  height: number
}

export interface Ref {
  slug: string
  name: string
}

export interface ProductSummary {
  id: number
  slug: string
  title: string
  price: Money
  compareAtPrice: Money | null
  image: ProductImage
  rating: number
  reviewsCount: number
  inStock: boolean
  brand: Ref
  category: Ref
  /** Buying it means choosing a variant; absent when the backend did not say (then cards offer no quick add). */
  hasVariants?: boolean
}

/** One purchasable combination of options (e.g. colour Navy, size M). */
export interface ProductVariant {
  id: number
  sku: string
  /** Option name -> value, e.g. { colour: 'Navy', size: 'M' }. */
  options: Record<string, string>
  price: Money
  inStock: boolean
}

export interface ProductAttribute {
  name: string
  value: string
}

/** Everything the product page shows. `descriptionHtml` is already sanitized. */
export interface ProductDetail extends ProductSummary {
  descriptionHtml: string
  images: ProductImage[]
  attributes: ProductAttribute[]
  variants: ProductVariant[]
  /** Units available now (sum over variants when there are variants). */
  stock: number
  /** ISO 8601 timestamps, kept as strings so the SSR payload stays plain JSON. */
  createdAt: string
  updatedAt: string
}

export type ProductSort = 'newest' | 'price-asc' | 'price-desc' | 'rating' | 'title'

export const PRODUCT_SORTS: readonly ProductSort[] = ['newest', 'price-asc', 'price-desc', 'rating', 'title']

/** The minimum ratings a listing filters by ("4 stars & up" ... "1 star & up"): the filter's choices, and all a URL may ask. */
export const MIN_RATINGS: readonly number[] = [4, 3, 2, 1]

/** What a shopper can ask a product list for. Prices in minor units. Search is just another filter. */
export interface ProductQuery {
  search?: string
  category?: string
  brands?: string[]
  minPrice?: number
  maxPrice?: number
  minRating?: number
  inStock?: boolean
  sort?: ProductSort
}

/** What the product page's add-to-cart hands over: the cart feature's handler receives it. */
export interface PurchaseLine {
  productId: number
  variantId: number | null
  quantity: number
}
