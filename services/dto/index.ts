// Backend wire types (snake_case, decimal strings), generated from docs/openapi.yaml by `npm run gen:dto`
// into ./openapi.ts. This file only gives the generated schemas stable names; edit the YAML, not the types.
// Nothing above services/ imports from here.
import type { components, operations } from './openapi'

type Schemas = components['schemas']

/**
 * DRF CursorPagination page; some backends also send `next_cursor`.
 * Generic, so hand-written; tests/unit/mocks/dtoTypes.test.ts checks the generated *Page schemas against it.
 */
export interface CursorPageDto<T> {
  /** PageNumberPagination's and LimitOffsetPagination's total; not read (CursorPagination sends none). */
  count?: number
  next: string | null
  previous: string | null
  results: T[]
  next_cursor?: string | null
}

// ---- Catalog ----
export type MoneyDto = Schemas['Money']
export type ImageDto = Schemas['Image']
export type RefDto = Schemas['Ref']
export type ProductSummaryDto = Schemas['ProductSummary']
export type ProductOrderingDto = Schemas['ProductOrdering']
export type ProductDetailDto = Schemas['ProductDetail']
export type VariantDto = Schemas['Variant']
export type CategoryDto = Schemas['Category']
export type ReviewDto = Schemas['Review']
export type FacetCountDto = Schemas['FacetCount']
export type FacetsDto = Schemas['Facets']
export type SuggestionDto = Schemas['Suggestion']

/** Query of GET /products/ as services build it (arrays repeat the key). */
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
/** The generated query type, for services that want every documented parameter. */
export type ProductListQueryDto = NonNullable<operations['listProducts']['parameters']['query']>

// ---- Auth ----
export type TokenPairDto = Schemas['TokenPair']
export type TokenObtainRequestDto = Schemas['TokenObtainRequest']
export type TokenRefreshRequestDto = Schemas['TokenRefreshRequest']
export type RegisterRequestDto = Schemas['RegisterRequest']
export type UserDto = Schemas['User']
export type UserUpdateDto = Schemas['UserUpdate']
export type PasswordResetRequestDto = Schemas['PasswordResetRequest']
export type PasswordResetConfirmRequestDto = Schemas['PasswordResetConfirmRequest']
export type SetPasswordRequestDto = Schemas['SetPasswordRequest']
export type DetailMessageDto = Schemas['DetailMessage']
export type OutboxMessageDto = Schemas['OutboxMessage']

// ---- Cart and wishlist ----
export type CartDto = Schemas['Cart']
export type CartItemDto = Schemas['CartItem']
export type CartItemCreateDto = Schemas['CartItemCreate']
export type CartItemUpdateDto = Schemas['CartItemUpdate']
export type CartMergeDto = Schemas['CartMerge']
/**
 * A cart as the browser gets it through the /api proxy (server/utils/cart/): the backend's Cart without `token`
 * (the BFF keeps it in an httpOnly cookie), plus `merge_pending` while a guest cart waits to be merged.
 * Hand-written: it is the BFF's answer, not the backend's.
 */
export type BffCartDto = Omit<CartDto, 'token'> & { merge_pending?: boolean }
export type WishlistItemDto = Schemas['WishlistItem']
export type WishlistCreateDto = Schemas['WishlistCreate']
/** GET /wishlist/ids/: optional in the contract (a backend may answer 404 or 405). */
export type WishlistIdsDto = Schemas['WishlistIds']

// ---- Checkout ----
export type ShippingMethodDto = Schemas['ShippingMethod']
export type AddressDto = Schemas['Address']
export type OrderCreateDto = Schemas['OrderCreate']
export type OrderLineDto = Schemas['OrderLine']
export type OrderAddressDto = Schemas['OrderAddress']
export type OrderDto = Schemas['Order']

/** A DRF DecimalField that is not money: `"4.20"` by default, a number when the backend coerces decimals to floats. */
export type DecimalNumberDto = Schemas['DecimalNumber']

// ---- Errors ----
/** `{"detail": "..."}`; `code` is absent on DRF's own errors (401/403/404/405/429): decide on the HTTP status. */
export type ErrorDetailDto = Schemas['ErrorDetail']
/** DRF field errors: field -> messages; nested serializers nest the same shape. */
export type FieldErrorsDto = Schemas['FieldErrors']
/** 401 from SimpleJWT when a token is bad, expired or blacklisted. */
export type TokenErrorDto = Schemas['TokenError']
/** 409 on a cart line (`available`) or an order (`lines`): not enough stock. */
export type OutOfStockErrorDto = Schemas['OutOfStockError']

// ---- Demo backend only (tests/mocks) ----
export type FaultCreateDto = Schemas['FaultCreate']
export type FaultDto = Schemas['Fault']
export type StatsDto = Schemas['Stats']
