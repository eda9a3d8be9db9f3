import type { CategoryDto, ImageDto, ProductDetailDto, ProductSummaryDto, ReviewDto, VariantDto } from '../../../services/dto'
import type { DemoDb } from '../db/DemoDb'
import type { CategoryRecord, ProductRecord, VariantRecord } from '../db/types'
import { CURRENCY, IMAGE_HEIGHT, IMAGE_WIDTH } from '../seed/constants'
import { productAttributes, productDescriptionHtml, productImageCount } from '../seed/productContent'
import type { ReviewRecord } from '../seed/productContent'

/** 1999 -> "19.99": the wire format for money. */
export function decimal(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString()
}

/**
 * Like DRF's ImageField with a request in context: absolute, on the host the client called - or under the
 * profile's media base (MEDIA_URL on another host, a CDN) when there is one.
 */
export function imageUrl(db: DemoDb, publicBase: string, productId: number, index = 1): string {
  const override = db.content.get(productId)?.image_url
  if (override !== undefined) return override
  const media = db.profile.mediaBase?.replace(/\/+$/, '') ?? `${publicBase}/media`
  return `${media}/products/${index === 1 ? productId : `${productId}-${index}`}.svg`
}

function image(db: DemoDb, publicBase: string, product: ProductRecord, index = 1): ImageDto {
  const title = db.content.get(product.id)?.image_alt ?? product.title
  const alt = index === 1 ? title : `${title}, view ${index}`
  return { url: imageUrl(db, publicBase, product.id, index), alt, width: IMAGE_WIDTH, height: IMAGE_HEIGHT }
}

/** 42 -> 4.2, or "4.20" as DRF's DecimalField(max_digits=3, decimal_places=2) writes it. */
function rating(db: DemoDb, tenths: number): number | string {
  return db.profile.decimals === 'string' ? (tenths / 10).toFixed(2) : tenths / 10
}

export function categoryDto(category: CategoryRecord): CategoryDto {
  return { id: category.id, slug: category.slug, name: category.name, parent: category.parentId }
}

export function productSummaryDto(db: DemoDb, publicBase: string, product: ProductRecord): ProductSummaryDto {
  const brand = db.brand(product.brandId)
  const category = db.category(product.categoryId)
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    price: decimal(product.priceCents),
    compare_at_price: product.compareAtCents === null ? null : decimal(product.compareAtCents),
    currency: CURRENCY,
    image: image(db, publicBase, product),
    rating: rating(db, product.ratingTenths),
    reviews_count: product.reviewsCount,
    in_stock: product.stock > 0,
    brand: { slug: brand.slug, name: brand.name },
    category: { slug: category.slug, name: category.name },
    has_variants: (product.variants?.length ?? 0) > 0,
    updated_at: isoDate(product.updatedAt),
  }
}

function variantDto(variant: VariantRecord): VariantDto {
  return { id: variant.id, sku: variant.sku, options: { ...variant.options }, price: decimal(variant.priceCents), in_stock: variant.stock > 0 }
}

export function productDetailDto(db: DemoDb, publicBase: string, product: ProductRecord): ProductDetailDto {
  const seed = db.options.seed
  const content = db.content.get(product.id)
  const images = Array.from({ length: productImageCount(seed, product.id) }, (_, i) => image(db, publicBase, product, i + 1))
  return {
    ...productSummaryDto(db, publicBase, product),
    description_html: content?.description_html ?? productDescriptionHtml(seed, product, db.brand(product.brandId).name),
    images,
    attributes: { ...productAttributes(seed, product), ...content?.attributes },
    variants: (product.variants ?? []).map(variantDto),
    stock: product.stock,
    created_at: isoDate(product.createdAt),
    updated_at: isoDate(product.updatedAt),
  }
}

export function reviewDto(review: ReviewRecord): ReviewDto {
  return {
    id: review.id,
    rating: review.rating,
    title: review.title,
    body: review.body,
    author_name: review.authorName,
    verified_purchase: review.verifiedPurchase,
    created_at: isoDate(review.createdAt),
  }
}
