import type { CategoryDto, CursorPageDto, ProductDetailDto, ProductSummaryDto, ReviewDto } from '~/services/dto'
import type { ProductSummary } from '~/services/domain/product'
import type { Review } from '~/services/domain/review'
import { toProductSummary } from '~/services/mappers/product'
import { toReview } from '~/services/mappers/review'
import { DemoDb } from '../mocks/db/DemoDb'
import { DEFAULT_SEED, SEED_EPOCH_MS } from '../mocks/seed/constants'
import { productReviews } from '../mocks/seed/productContent'
import { categoryDto, productDetailDto, productSummaryDto, reviewDto } from '../mocks/serializers/catalog'

// Fixtures from the demo backend's seed (the catalog `npm run dev` and the e2e tests show), serialized the way the
// demo backend serializes them, so a unit test sees the same DTOs as the storefront does.

/** How many seeded products the fixtures hold; ids are 1..SEED_PRODUCTS. */
export const SEED_PRODUCTS = 120
const API_ORIGIN = 'http://api.test'
const db = new DemoDb({ seed: DEFAULT_SEED, seedProducts: SEED_PRODUCTS, now: () => SEED_EPOCH_MS })

function record(id: number) {
  const product = db.products[id - 1]
  if (!product) throw new Error(`the fixtures seed products 1..${SEED_PRODUCTS}, not ${id}`)
  return product
}

export const seed = {
  productDto: (id: number): ProductSummaryDto => productSummaryDto(db, API_ORIGIN, record(id)),
  product: (id: number): ProductSummary => toProductSummary(productSummaryDto(db, API_ORIGIN, record(id))),
  detailDto: (id: number): ProductDetailDto => productDetailDto(db, API_ORIGIN, record(id)),
  reviewDtos: (productId: number): ReviewDto[] => productReviews(db.options.seed, record(productId)).map(reviewDto),
  reviews: (productId: number): Review[] => productReviews(db.options.seed, record(productId)).map(r => toReview(reviewDto(r))),
  categoryDtos: (): CategoryDto[] => db.categories.map(categoryDto),
  /** A seeded product with at least `min` reviews. */
  productWithReviews: (min: number): number => db.products.find(p => productReviews(db.options.seed, p).length >= min)!.id,
}

/** One DRF cursor page: `next` as DRF sends it (an absolute URL carrying the cursor), null on the last page. */
export function cursorPage<T>(results: T[], next: string | null, path = '/products/'): CursorPageDto<T> {
  return { next: next ? `${API_ORIGIN}/api${path}?cursor=${encodeURIComponent(next)}` : null, previous: null, results }
}

/** A page of seeded product summaries by id. */
export function productPage(ids: number[], next: string | null): CursorPageDto<ProductSummaryDto> {
  return cursorPage(ids.map(seed.productDto), next)
}
