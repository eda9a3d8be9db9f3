import type { BrandRecord, CategoryRecord, ProductRecord, VariantRecord } from '../db/types'
import { APPAREL_SIZES, ADJECTIVES, BRAND_NAMES, COLOURS, DEPARTMENTS, MATERIALS, SHOE_SIZES, slugify } from './catalogData'
import type { LeafSpec } from './catalogData'
import { SEED_EPOCH_MS } from './constants'
import { chance, createRng, intBetween, pick, seedFor } from './prng'
import type { Rng } from './prng'

export interface CatalogSeed {
  categories: CategoryRecord[]
  brands: BrandRecord[]
  /** Leaf category id -> what products in it look like. */
  leafSpecs: Map<number, LeafSpec>
  leafIds: number[]
}

/** 8 departments with 4 leaves each; ids follow tree order (department, then its leaves). */
export function seedTaxonomy(): CatalogSeed {
  const categories: CategoryRecord[] = []
  const leafSpecs = new Map<number, LeafSpec>()
  for (const department of DEPARTMENTS) {
    const parent: CategoryRecord = { id: categories.length + 1, slug: slugify(department.name), name: department.name, parentId: null }
    categories.push(parent)
    for (const leaf of department.leaves) {
      const record: CategoryRecord = { id: categories.length + 1, slug: slugify(leaf.name), name: leaf.name, parentId: parent.id }
      categories.push(record)
      leafSpecs.set(record.id, leaf)
    }
  }
  const brands = BRAND_NAMES.map((name, index) => ({ id: index + 1, slug: slugify(name), name }))
  return { categories, brands, leafSpecs, leafIds: [...leafSpecs.keys()] }
}

/** Spacing of seeded creation times: the catalog spans about two years before SEED_EPOCH_MS. */
function createdAtFor(rng: Rng, id: number, total: number): number {
  const stepMs = Math.floor((730 * 86_400_000) / Math.max(total, 1))
  const jitter = Math.floor(rng() * 5 * stepMs)
  // Rounded to the minute so some products share a timestamp: the keyset tie-break on id gets exercised.
  return Math.floor((SEED_EPOCH_MS - (total - id) * stepMs - jitter) / 60_000) * 60_000
}

function priceCentsIn(rng: Rng, [min, max]: readonly [number, number]): number {
  // Log-uniform, so cheap items are more common than expensive ones, with shop-like endings.
  const dollars = Math.floor(Math.exp(Math.log(min) + rng() * (Math.log(max) - Math.log(min))))
  const ending = pick(rng, [99, 99, 99, 0, 50, 95])
  return Math.max(dollars * 100 + ending - (ending ? 100 : 0), 99)
}

function makeVariants(rng: Rng, productId: number, leaf: LeafSpec, priceCents: number, soldOut: boolean, skuPrefix: string): VariantRecord[] | null {
  const option: Array<Record<string, string>> = []
  if (leaf.variants === 'none' || !chance(rng, leaf.variants === 'colour' ? 0.4 : 0.7)) return null
  const colourCount = leaf.variants === 'colour' ? intBetween(rng, 2, 4) : intBetween(rng, 1, 3)
  const start = intBetween(rng, 0, COLOURS.length - 1)
  const colours = Array.from({ length: colourCount }, (_, i) => COLOURS[(start + i) % COLOURS.length] as string)
  const sizes: readonly string[] = leaf.variants === 'apparel' ? APPAREL_SIZES : leaf.variants === 'shoes' ? SHOE_SIZES : []
  for (const colour of colours) {
    if (sizes.length === 0) option.push({ colour })
    for (const size of sizes) option.push({ colour, size })
  }
  return option.map((options, index) => ({
    id: productId * 100 + index + 1,
    sku: `${skuPrefix}-${productId}-${index + 1}`,
    options,
    // Bigger sizes occasionally cost a little more, as in real shops.
    priceCents: options.size === 'XL' || options.size === '45' ? priceCents + 500 : priceCents,
    stock: soldOut || chance(rng, 0.15) ? 0 : intBetween(rng, 1, 30),
  }))
}

/** One product, entirely determined by (seed, id, total). */
export function makeProduct(seed: number, id: number, total: number, taxonomy: CatalogSeed, createdAt?: number): ProductRecord {
  const rng = createRng(seedFor(seed, id))
  const categoryId = pick(rng, taxonomy.leafIds)
  const leaf = taxonomy.leafSpecs.get(categoryId) as LeafSpec
  const departmentIndex = Math.floor((categoryId - 1) / 5)
  // Each department draws from 15 of the 60 brands, overlapping with its neighbours.
  const brand = taxonomy.brands[(departmentIndex * 7 + intBetween(rng, 0, 14)) % taxonomy.brands.length] as BrandRecord
  const noun = pick(rng, leaf.nouns)
  // Materials only read well on clothing, shoes, home and outdoor goods ("Merino Crew Sweater", not "Oak Earbuds").
  const material = [0, 1, 2, 4].includes(departmentIndex) && chance(rng, 0.5) ? `${pick(rng, MATERIALS)} ` : ''
  const title = `${pick(rng, ADJECTIVES)} ${material}${noun}`
  const priceCents = priceCentsIn(rng, leaf.price)
  const compareAtCents = chance(rng, 0.25) ? Math.ceil((priceCents * (1.15 + rng() * 0.35)) / 100) * 100 - 1 : null
  const unrated = chance(rng, 0.06)
  const ratingTenths = unrated ? 0 : Math.min(50, Math.max(10, Math.round(42 + (rng() + rng() + rng() - 1.5) * 14)))
  const reviewsCount = unrated ? 0 : Math.floor(Math.exp(rng() * Math.log(400)))
  const soldOut = chance(rng, 0.08)
  const variants = makeVariants(rng, id, leaf, priceCents, soldOut, brand.slug.slice(0, 3).toUpperCase())
  const stock = variants
    ? variants.reduce((sum, v) => sum + v.stock, 0)
    : soldOut ? 0 : chance(rng, 0.1) ? intBetween(rng, 1, 5) : intBetween(rng, 6, 150)
  const created = createdAt ?? createdAtFor(rng, id, total)
  const category = taxonomy.categories[categoryId - 1] as CategoryRecord
  return {
    id,
    slug: `${slugify(title)}-${id}`,
    title,
    haystack: `${title} ${brand.name} ${category.name}`.toLowerCase(),
    brandId: brand.id,
    categoryId,
    priceCents,
    compareAtCents,
    ratingTenths,
    reviewsCount,
    stock,
    variants,
    createdAt: created,
    updatedAt: created + intBetween(rng, 0, 30) * 86_400_000,
  }
}

export function seedProducts(seed: number, count: number, taxonomy: CatalogSeed): ProductRecord[] {
  const products = new Array<ProductRecord>(count)
  for (let id = 1; id <= count; id++) products[id - 1] = makeProduct(seed, id, count, taxonomy)
  return products
}
