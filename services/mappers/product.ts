import { fromMinorUnits, money } from '~/utils/format/money'
import type { ProductListParamsDto, ProductOrderingDto, ProductSummaryDto } from '../dto'
import type { ProductQuery, ProductSort, ProductSummary } from '../domain/product'

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
    image: { url: dto.image.url, alt: dto.image.alt, width: dto.image.width, height: dto.image.height },
    rating: Number(dto.rating),
    reviewsCount: dto.reviews_count,
    inStock: dto.in_stock,
    brand: { slug: dto.brand.slug, name: dto.brand.name },
    category: { slug: dto.category.slug, name: dto.category.name },
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
