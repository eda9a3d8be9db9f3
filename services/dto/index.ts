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

// ---- Catalog ----

export interface CategoryDto {
  id: number
  slug: string
  name: string
  /** Parent category id; null for a top-level category. */
  parent: number | null
}

export interface VariantDto {
  id: number
  sku: string
  /** e.g. { colour: "Navy", size: "M" } */
  options: Record<string, string>
  price: string
  in_stock: boolean
}

export interface ProductDetailDto extends ProductSummaryDto {
  description_html: string
  images: ImageDto[]
  attributes: Record<string, string>
  variants: VariantDto[]
  /** Units available now (sum over variants when there are variants). */
  stock: number
  created_at: string
  updated_at: string
}

export interface ReviewDto {
  id: number
  rating: number
  title: string
  body: string
  author_name: string
  verified_purchase: boolean
  created_at: string
}

export interface FacetCountDto extends RefDto {
  count: number
}

export interface FacetsDto {
  categories: FacetCountDto[]
  brands: FacetCountDto[]
  /** Decimal strings; null when nothing matches. */
  price: { min: string | null, max: string | null }
  ratings: Array<{ min_rating: number, count: number }>
}

export interface SuggestionDto {
  type: 'product' | 'category' | 'query'
  text: string
  id?: number
  slug?: string
}

// ---- Auth ----

export interface TokenPairDto {
  access: string
  refresh: string
}

export interface TokenObtainRequestDto {
  email: string
  password: string
}

export interface RegisterRequestDto {
  email: string
  password: string
  first_name?: string
  last_name?: string
}

export interface UserDto {
  id: number
  email: string
  first_name: string
  last_name: string
  date_joined: string
}

export interface UserUpdateDto {
  first_name?: string
  last_name?: string
}

// ---- Cart and wishlist ----

export interface CartItemDto {
  id: number
  product_id: number
  variant_id: number | null
  slug: string
  title: string
  /** Variant options, empty when the product has no variants. */
  options: Record<string, string>
  image: ImageDto
  unit_price: string
  line_total: string
  quantity: number
  /** Units available now; the line may ask for more (see in_stock). */
  available: number
  in_stock: boolean
}

export interface CartDto {
  /** Guest carts: send back as X-Cart-Token. Signed-in users get their own cart's token. */
  token: string
  items: CartItemDto[]
  items_count: number
  subtotal: string
  currency: string
}

export interface CartItemCreateDto {
  product_id: number
  variant_id?: number | null
  quantity: number
}

export interface CartItemUpdateDto {
  quantity: number
}

export interface CartMergeDto {
  token: string
}

export interface WishlistItemDto {
  id: number
  product: ProductSummaryDto
  created_at: string
}

// ---- Checkout ----

export interface ShippingMethodDto {
  id: number
  name: string
  description: string
  price: string
  currency: string
  min_days: number
  max_days: number
}

export interface AddressDto {
  full_name: string
  line1: string
  line2?: string
  city: string
  postal_code: string
  /** ISO 3166-1 alpha-2, e.g. "US". */
  country: string
  phone?: string
}

export interface OrderCreateDto {
  shipping_address: AddressDto
  shipping_method_id: number
  /** Demo tokens: tok_visa, tok_mastercard, tok_amex succeed; tok_chargeDeclined is declined. */
  payment_token: string
}

export interface OrderLineDto {
  product_id: number
  variant_id: number | null
  title: string
  sku: string
  quantity: number
  unit_price: string
  line_total: string
}

export interface OrderDto {
  id: number
  number: string
  status: 'paid'
  items: OrderLineDto[]
  subtotal: string
  shipping_total: string
  total: string
  currency: string
  shipping_address: Required<AddressDto>
  shipping_method: { id: number, name: string, price: string }
  created_at: string
}

// ---- Errors ----

/** `{"detail": "...", "code": "..."}`; code is absent on some DRF errors (e.g. 404). */
export interface ErrorDetailDto {
  detail: string
  code?: string
}

/** DRF field errors: field -> messages; nested serializers nest the same shape. */
export interface FieldErrorsDto {
  [field: string]: string[] | FieldErrorsDto
}

/** 401 from SimpleJWT when a token is bad, expired or blacklisted. */
export interface TokenErrorDto extends ErrorDetailDto {
  code: 'token_not_valid'
  messages?: Array<{ token_class: string, token_type: string, message: string }>
}

/** 409 on a cart line or an order: not enough stock. */
export interface OutOfStockErrorDto extends ErrorDetailDto {
  code: 'out_of_stock'
  /** Cart endpoints: units available for the line that failed. */
  available?: number
  /** Orders: every line that could not be reserved. */
  lines?: Array<{ item_id: number, product_id: number, variant_id: number | null, requested: number, available: number }>
}
