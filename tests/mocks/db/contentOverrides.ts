import type { FieldErrorsDto } from '../../../services/dto'
import { validationError } from '../http/responses'
import type { ReviewRecord } from '../seed/productContent'
import type { DemoDb } from './DemoDb'
import { OrderingIndex } from './orderings'

// Test-only: content a real backend's editors (or an attacker who got into its admin) could write, put into the demo
// catalog over `POST /__content/` (docs/demo-backend.md). The chaos suite seeds its XSS corpus this way: every
// backend field the storefront shows must stay inert, whatever it holds. `POST /__reset/` puts the seed back.

/** What one product's generated content is replaced with; unset members keep the seed's. */
export interface ProductContent {
  title?: string
  slug?: string
  description_html?: string
  image_url?: string
  image_alt?: string
  /** Replaces the product's newest review's title, body and author (the product keeps its review count). */
  review?: { title?: string, body?: string, author_name?: string }
  /** Added to the product's attributes. */
  attributes?: Record<string, string>
}

export interface ContentRequest {
  products?: Array<ProductContent & { id: number }>
  brands?: Array<{ slug: string, name: string }>
  categories?: Array<{ slug: string, name: string }>
}

/** Per-product overrides of content the seed generates on the fly (descriptions, reviews, images, attributes). */
export type ContentOverrides = Map<number, ProductContent>

const MAX_TEXT = 20_000

function text(value: unknown, field: string, errors: FieldErrorsDto): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string') errors[field] = ['Not a valid string.']
  else if (value.length > MAX_TEXT) errors[field] = [`Ensure this field has no more than ${MAX_TEXT} characters.`]
  else return value
  return undefined
}

function productContent(raw: Record<string, unknown>, at: string, errors: FieldErrorsDto): ProductContent {
  const review = typeof raw.review === 'object' && raw.review !== null ? raw.review as Record<string, unknown> : undefined
  const attributes = typeof raw.attributes === 'object' && raw.attributes !== null ? raw.attributes as Record<string, unknown> : undefined
  const content: ProductContent = {
    title: text(raw.title, `${at}.title`, errors),
    slug: text(raw.slug, `${at}.slug`, errors),
    description_html: text(raw.description_html, `${at}.description_html`, errors),
    image_url: text(raw.image_url, `${at}.image_url`, errors),
    image_alt: text(raw.image_alt, `${at}.image_alt`, errors),
  }
  if (review) {
    content.review = {
      title: text(review.title, `${at}.review.title`, errors),
      body: text(review.body, `${at}.review.body`, errors),
      author_name: text(review.author_name, `${at}.review.author_name`, errors),
    }
  }
  if (attributes) {
    content.attributes = {}
    for (const [name, value] of Object.entries(attributes)) {
      const checked = text(value, `${at}.attributes`, errors)
      if (checked !== undefined && name.length <= MAX_TEXT) content.attributes[name] = checked
    }
  }
  return content
}

/** Validates a `POST /__content/` body and applies it; a 400 with DRF field errors for anything malformed. */
export function applyContent(db: DemoDb, body: unknown): void {
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const errors: FieldErrorsDto = {}
  const products = Array.isArray(input.products) ? input.products as Array<Record<string, unknown>> : []
  const brands = Array.isArray(input.brands) ? input.brands as Array<Record<string, unknown>> : []
  const categories = Array.isArray(input.categories) ? input.categories as Array<Record<string, unknown>> : []
  const planned = products.map((raw, i) => {
    const product = typeof raw.id === 'number' ? db.product(raw.id) : undefined
    if (!product) errors[`products.${i}.id`] = ['No such product.']
    return { product, content: productContent(raw, `products.${i}`, errors) }
  })
  const renames = [
    ...brands.map((raw, i) => ({ record: db.brandBySlug.get(String(raw.slug)), name: text(raw.name, `brands.${i}.name`, errors), at: `brands.${i}.slug` })),
    ...categories.map((raw, i) => ({ record: db.categoryBySlug.get(String(raw.slug)), name: text(raw.name, `categories.${i}.name`, errors), at: `categories.${i}.slug` })),
  ]
  for (const rename of renames) if (!rename.record) errors[rename.at] = ['No such slug.']
  if (Object.keys(errors).length) throw validationError(errors)

  for (const { record, name } of renames) if (record && name !== undefined) record.name = name
  for (const { product, content } of planned) {
    if (!product) continue
    if (content.title !== undefined) product.title = content.title
    if (content.slug !== undefined) product.slug = content.slug
    db.content.set(product.id, { ...db.content.get(product.id), ...content })
  }
  // Search reads titles, brand and category names; the title ordering reads titles.
  for (const product of db.products) {
    product.haystack = `${product.title} ${db.brand(product.brandId).name} ${db.category(product.categoryId).name}`.toLowerCase()
  }
  db.index = new OrderingIndex(db.liveProducts())
}

/** The product's reviews with the newest one's fields replaced as asked. */
export function withReviewContent(overrides: ContentOverrides, productId: number, reviews: ReviewRecord[]): ReviewRecord[] {
  const review = overrides.get(productId)?.review
  const [newest, ...rest] = reviews
  if (!review || !newest) return reviews
  return [{
    ...newest,
    title: review.title ?? newest.title,
    body: review.body ?? newest.body,
    authorName: review.author_name ?? newest.authorName,
  }, ...rest]
}
