// In-memory records of the demo backend. Money is integer cents; serializers turn it into decimal strings.

export interface CategoryRecord {
  id: number
  slug: string
  name: string
  parentId: number | null
}

export interface BrandRecord {
  id: number
  slug: string
  name: string
}

export interface VariantRecord {
  id: number
  sku: string
  options: Record<string, string>
  priceCents: number
  stock: number
}

export interface ProductRecord {
  id: number
  slug: string
  title: string
  /** Lower-cased title + brand + category, for `search`. */
  haystack: string
  brandId: number
  categoryId: number
  priceCents: number
  compareAtCents: number | null
  /** Rating in tenths (43 = 4.3), exact for filtering and ordering. */
  ratingTenths: number
  reviewsCount: number
  /** Stock of the product itself; for products with variants, the sum over variants. */
  stock: number
  variants: VariantRecord[] | null
  createdAt: number
  updatedAt: number
}

export interface UserRecord {
  id: number
  email: string
  password: string
  firstName: string
  lastName: string
  dateJoined: number
}

export interface CartLineRecord {
  id: number
  productId: number
  variantId: number | null
  quantity: number
}

export interface CartRecord {
  token: string
  userId: number | null
  lines: CartLineRecord[]
  updatedAt: number
}

export interface WishlistEntry {
  id: number
  productId: number
  createdAt: number
}

export interface ShippingMethodRecord {
  id: number
  name: string
  description: string
  priceCents: number
  minDays: number
  maxDays: number
}

export interface OrderLineRecord {
  productId: number
  variantId: number | null
  title: string
  sku: string
  quantity: number
  unitPriceCents: number
}

export interface AddressRecord {
  full_name: string
  line1: string
  line2: string
  city: string
  postal_code: string
  country: string
  phone: string
}

export interface OrderRecord {
  id: number
  number: string
  userId: number
  status: 'paid'
  lines: OrderLineRecord[]
  shippingAddress: AddressRecord
  shippingMethodId: number
  shippingCents: number
  createdAt: number
}

/** An answer to POST /orders/ kept for an idempotency key by the non-demo flavours (handlers/orderIdempotency.ts). */
export interface StoredAnswer {
  /** Fingerprint of the body that made it. */
  print: string
  status: number
  body: string
  headers: Record<string, string>
}
