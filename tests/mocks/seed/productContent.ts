import type { ProductRecord } from '../db/types'
import { MATERIALS, REVIEW_AUTHORS, REVIEW_TITLES } from './catalogData'
import { SEED_EPOCH_MS } from './constants'
import { chance, createRng, intBetween, pick, seedFor } from './prng'

// Heavier product content is derived on demand from (seed, id) instead of being stored:
// seeding stays fast and memory small even at 100,000 products.

export interface ReviewRecord {
  id: number
  rating: number
  title: string
  body: string
  authorName: string
  verifiedPurchase: boolean
  createdAt: number
}

const FEATURES = [
  'Designed to last for years of daily use',
  'Made with responsibly sourced materials',
  'Tested by our team for comfort and durability',
  'Easy to care for and quick to clean',
  'Backed by a two-year warranty',
  'Ships in plastic-free packaging',
  'Thoughtful details you notice every day',
] as const

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

export function productDescriptionHtml(seed: number, product: ProductRecord, brandName: string): string {
  const rng = createRng(seedFor(seed, product.id, 1))
  const features = new Set<string>()
  while (features.size < 3) features.add(pick(rng, FEATURES))
  return `<p>The ${escapeHtml(product.title)} by ${escapeHtml(brandName)} is a favourite for a reason.</p>`
    + `<ul>${[...features].map(f => `<li>${f}.</li>`).join('')}</ul>`
    + `<p><strong>Care:</strong> ${pick(rng, ['Machine wash cold.', 'Wipe clean with a damp cloth.', 'Hand wash only.', 'Store in a dry place.'])}</p>`
}

export function productAttributes(seed: number, product: ProductRecord): Record<string, string> {
  const rng = createRng(seedFor(seed, product.id, 2))
  return {
    material: MATERIALS.find(m => product.title.includes(m)) ?? pick(rng, MATERIALS),
    weight: `${intBetween(rng, 50, 4000)} g`,
    origin: pick(rng, ['Portugal', 'Vietnam', 'Germany', 'USA', 'Japan', 'Italy', 'India']),
    warranty: pick(rng, ['1 year', '2 years', '5 years']),
  }
}

/** How many images a product has (1-4); image 1 is the summary image. */
export function productImageCount(seed: number, productId: number): number {
  return 1 + (seedFor(seed, productId, 3) % 4)
}

/** All reviews of a product, newest first; ratings scatter around the product's rating. */
export function productReviews(seed: number, product: ProductRecord): ReviewRecord[] {
  const rng = createRng(seedFor(seed, product.id, 4))
  const reviews: ReviewRecord[] = []
  let createdAt = Math.max(product.updatedAt, SEED_EPOCH_MS)
  for (let index = 0; index < product.reviewsCount; index++) {
    createdAt -= intBetween(rng, 1, 72) * 3_600_000
    const rating = Math.min(5, Math.max(1, Math.round(product.ratingTenths / 10 + (rng() - 0.5) * 2.2)))
    reviews.push({
      // Review ids are unique across products: product id * 1000 + position.
      id: product.id * 1000 + (product.reviewsCount - index),
      rating,
      title: pick(rng, REVIEW_TITLES[rating] ?? ['Review']),
      body: `${pick(rng, ['Bought this for myself.', 'Got it as a gift.', 'Second one I own.', 'Replaced an old one with this.'])} ${pick(rng, ['Quality is as expected.', 'Arrived quickly.', 'Colour is a bit different from the photos.', 'Would recommend to friends.', 'Sizing runs small.'])}`,
      authorName: pick(rng, REVIEW_AUTHORS),
      verifiedPurchase: chance(rng, 0.7),
      createdAt,
    })
  }
  return reviews
}
