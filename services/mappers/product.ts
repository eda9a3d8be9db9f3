import { fromMinorUnits, money } from '~/utils/format/money'
import type { ProductDetailDto, ProductListParamsDto, ProductOrderingDto, ProductSummaryDto, VariantDto } from '../dto'
import type { ProductDetail, ProductQuery, ProductSort, ProductSummary, ProductVariant } from '../domain/product'
import { toDecimalNumber } from './decimal'
import { toImage } from './image'
import { withOffset } from './datetime'

const SORT_TO_ORDERING: Record<ProductSort, ProductOrderingDto> = {
  'newest': '-created_at',
  'price-asc': 'price',
  'price-desc': '-price',
  'rating': '-rating',
  'title': 'title',
}

export function toProductSummary(dto: ProductSummaryDto): ProductSummary {
  return {
    id: dto.id,
    slug: dto.slug,
    title: dto.title,
    price: money(dto.price, dto.currency),
    compareAtPrice: dto.compare_at_price ? money(dto.compare_at_price, dto.currency) : null,
    image: toImage(dto.image),
    rating: toDecimalNumber(dto.rating),
    reviewsCount: dto.reviews_count,
    inStock: dto.in_stock,
    // A nullable brand foreign key is null for a brandless product.
    brand: dto.brand ? { slug: dto.brand.slug, name: dto.brand.name } : { slug: '', name: '' },
    category: { slug: dto.category.slug, name: dto.category.name },
    ...(dto.has_variants === undefined ? {} : { hasVariants: dto.has_variants }),
  }
}

function toVariant(dto: VariantDto, currency: string): ProductVariant {
  return { id: dto.id, sku: dto.sku, options: { ...dto.options }, price: money(dto.price, currency), inStock: dto.in_stock }
}

/**
 * Detail DTO -> domain. The description is backend HTML that ends up in v-html, so the caller passes the sanitizer
 * (kept out of this module so the listing page's bundle does not carry it).
 */
export function toProductDetail(dto: ProductDetailDto, sanitize: (html: string) => string): ProductDetail {
  return {
    ...toProductSummary(dto),
    descriptionHtml: sanitize(dto.description_html ?? ''),
    images: (dto.images?.length ? dto.images : [dto.image]).map(toImage),
    // Keys as a model field names them ("screen_size"): shown, and read out, as words (capitalised by CSS).
    attributes: Object.entries(dto.attributes ?? {}).map(([key, value]) => ({ name: key.replace(/_/g, ' '), value: String(value) })),
    variants: (dto.variants ?? []).map(v => toVariant(v, dto.currency)),
    stock: dto.stock,
    createdAt: withOffset(dto.created_at),
    updatedAt: withOffset(dto.updated_at),
  }
}

/** Domain query -> backend query string. Price filters go back to decimal strings. */
export function toProductListParams(query: ProductQuery, currency = 'USD'): ProductListParamsDto {
  return {
    ordering: query.sort ? SORT_TO_ORDERING[query.sort] : undefined,
    search: query.search || undefined,
    category: query.category || undefined,
    brand: query.brands?.length ? [...query.brands] : undefined,
    min_price: query.minPrice !== undefined ? fromMinorUnits(query.minPrice, currency) : undefined,
    max_price: query.maxPrice !== undefined ? fromMinorUnits(query.maxPrice, currency) : undefined,
    min_rating: query.minRating,
    in_stock: query.inStock ? 'true' : undefined,
  }
}
