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
}

export type ProductSort = 'newest' | 'price-asc' | 'price-desc' | 'rating' | 'title'

/** What a shopper can ask a product list for. Prices in minor units. */
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
