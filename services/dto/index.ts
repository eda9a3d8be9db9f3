// Backend wire types (snake_case, decimal strings), as docs/openapi.yaml describes them.
// Nothing above services/ imports from here.

/** DRF CursorPagination page; some backends also send `next_cursor`. */
export interface CursorPageDto<T> {
  next: string | null
  previous: string | null
  results: T[]
  next_cursor?: string | null
}

export interface ImageDto {
  url: string
  alt: string
  width: number
  height: number
}

export interface RefDto {
  slug: string
  name: string
}

export interface ProductSummaryDto {
  id: number
  slug: string
  title: string
  /** Decimal string, e.g. "19.99". */
  price: string
  compare_at_price: string | null
  currency: string
  image: ImageDto
  /** 0..5; a DecimalField backend sends a string. */
  rating: number | string
  reviews_count: number
  in_stock: boolean
  brand: RefDto
  category: RefDto
}

export type ProductOrderingDto = '-created_at' | 'price' | '-price' | '-rating' | 'title'

export interface ProductListParamsDto {
  cursor?: string
  page_size?: number
  ordering?: ProductOrderingDto
  search?: string
  category?: string
  brand?: string[]
  min_price?: string
  max_price?: string
  min_rating?: number
  in_stock?: 'true'
}
