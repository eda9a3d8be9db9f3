import type { CategoryDto, CursorPageDto, ProductSummaryDto, ReviewDto } from '../../../services/dto'
import { withReviewContent } from '../db/contentOverrides'
import { ORDERING_SPECS, isProductOrdering } from '../db/orderings'
import type { ProductRecord } from '../db/types'
import type { DemoContext } from '../http/context'
import { paginate } from '../http/pagination'
import { json, notFound } from '../http/responses'
import type { Route } from '../http/router'
import { productReviews } from '../seed/productContent'
import { categoryDto, productDetailDto, productSummaryDto, reviewDto } from '../serializers/catalog'
import { matcher, parseProductFilter } from './productFilter'

/** `{id}` must be a positive integer, else 404 like Django's get_object_or_404. */
export function productFromPath(context: DemoContext): ProductRecord {
  const raw = context.params.id ?? ''
  const product = /^\d+$/.test(raw) ? context.db.product(Number(raw)) : undefined
  if (!product) throw notFound()
  return product
}

function listProducts(context: DemoContext): Response {
  const { db, query } = context
  const requested = query.get('ordering')
  // DRF's OrderingFilter ignores unknown fields and falls back to the default ordering.
  const ordering = isProductOrdering(requested) ? requested : '-created_at'
  const filter = parseProductFilter(db, query)
  const spec = ORDERING_SPECS[ordering]
  const page = paginate(context, { sorted: db.index.sorted[ordering], key: spec.key, direction: spec.direction, scope: ordering }, matcher(filter))
  const body: CursorPageDto<ProductSummaryDto> = {
    ...(page.count === undefined ? {} : { count: page.count }),
    next: page.next,
    previous: page.previous,
    results: page.items.map(p => productSummaryDto(db, context.publicBase, p)),
  }
  return json(body)
}

function listReviews(context: DemoContext): Response {
  const product = productFromPath(context)
  const reviews = withReviewContent(context.db.content, product.id, productReviews(context.db.options.seed, product))
  const page = paginate(context, { sorted: reviews, key: r => r.createdAt, direction: -1, scope: `reviews:${product.id}` })
  const body: CursorPageDto<ReviewDto> = { ...(page.count === undefined ? {} : { count: page.count }), next: page.next, previous: page.previous, results: page.items.map(reviewDto) }
  return json(body)
}

/** Tree order (ids follow it); paginated like any list when the profile says DRF paginates globally. */
function listCategories(context: DemoContext): Response {
  const { db } = context
  if (!db.profile.paginatedCategories) return json(db.categories.map(categoryDto))
  const page = paginate(context, { sorted: db.categories, key: category => category.id, direction: 1, scope: 'categories' })
  const body: CursorPageDto<CategoryDto> = { next: page.next, previous: page.previous, results: page.items.map(categoryDto) }
  return json(body)
}

export const catalogRoutes: Route[] = [
  { method: 'GET', template: '/categories/', handle: listCategories },
  { method: 'GET', template: '/products/', handle: listProducts },
  { method: 'GET', template: '/products/{id}/', handle: c => json(productDetailDto(c.db, c.publicBase, productFromPath(c))) },
  { method: 'GET', template: '/products/{id}/reviews/', handle: listReviews },
]
