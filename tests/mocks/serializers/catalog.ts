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

export function imageUrl(publicBase: string, productId: number, index = 1): string {
  return `${publicBase}/media/products/${index === 1 ? productId : `${productId}-${index}`}.svg`
}

function image(publicBase: string, product: ProductRecord, index = 1): ImageDto {
  const alt = index === 1 ? product.title : `${product.title}, view ${index}`
  return { url: imageUrl(publicBase, product.id, index), alt, width: IMAGE_WIDTH, height: IMAGE_HEIGHT }
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
    image: image(publicBase, product),
    rating: product.ratingTenths / 10,
    reviews_count: product.reviewsCount,
    in_stock: product.stock > 0,
    brand: { slug: brand.slug, name: brand.name },
    category: { slug: category.slug, name: category.name },
    updated_at: isoDate(product.updatedAt),
  }
}

function variantDto(variant: VariantRecord): VariantDto {
  return { id: variant.id, sku: variant.sku, options: { ...variant.options }, price: decimal(variant.priceCents), in_stock: variant.stock > 0 }
}

export function productDetailDto(db: DemoDb, publicBase: string, product: ProductRecord): ProductDetailDto {
  const seed = db.options.seed
  const images = Array.from({ length: productImageCount(seed, product.id) }, (_, i) => image(publicBase, product, i + 1))
  return {
    ...productSummaryDto(db, publicBase, product),
    description_html: productDescriptionHtml(seed, product, db.brand(product.brandId).name),
    images,
    attributes: productAttributes(seed, product),
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
