import type { FieldErrorsDto } from '../../../services/dto'
import type { DemoDb } from '../db/DemoDb'
import type { ProductRecord } from '../db/types'
import { validationError } from '../http/responses'

// The product list filters (django-filter + DRF SearchFilter semantics). Facets need "all filters but one",
// so each filter is a named predicate.

export type FilterName = 'category' | 'brand' | 'price' | 'rating' | 'in_stock' | 'search'
type Predicate = (product: ProductRecord) => boolean

export interface ProductFilter {
  predicates: Array<{ name: FilterName, test: Predicate }>
}

/** "19.99" -> cents; rounding toward the inside of the range so the filter never widens. */
function cents(raw: string, round: 'up' | 'down'): number | null {
  const match = /^\s*(\d+)(?:\.(\d*))?\s*$/.exec(raw)
  if (!match) return null
  const fraction = match[2] ?? ''
  const base = Number(match[1]) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'))
  const remainder = /[1-9]/.test(fraction.slice(2))
  return remainder && round === 'up' ? base + 1 : base
}

/** DRF's search_smart_split, simplified: whitespace and commas separate terms. */
export function searchTerms(raw: string | null): string[] {
  return (raw ?? '').toLowerCase().split(/[\s,]+/).filter(Boolean)
}

/** django-filter's NullBooleanSelect: anything else means "no filter". */
function booleanParam(raw: string | null): boolean | null {
  if (raw === null) return null
  if (['true', 'True', '1'].includes(raw)) return true
  if (['false', 'False', '0'].includes(raw)) return false
  return null
}

/** django-filter's message for a choice that is not (or no longer) there. */
const invalidChoice = (value: string) => [`Select a valid choice. ${value} is not one of the available choices.`]

export function parseProductFilter(db: DemoDb, query: URLSearchParams): ProductFilter {
  const predicates: ProductFilter['predicates'] = []
  const errors: FieldErrorsDto = {}

  const categorySlug = query.get('category')
  if (categorySlug) {
    const category = db.categoryBySlug.get(categorySlug)
    if (!category && db.profile.strictFilterChoices) errors.category = invalidChoice(categorySlug)
    // An unknown slug matches nothing (an empty page), like a filter on a missing relation.
    const ids = category ? db.categoryWithDescendants(category) : new Set<number>()
    predicates.push({ name: 'category', test: p => ids.has(p.categoryId) })
  }

  const brandSlugs = query.getAll('brand').flatMap(v => v.split(',')).map(v => v.trim()).filter(Boolean)
  if (brandSlugs.length) {
    // ModelMultipleChoiceField names the first value it cannot find (one per answer: ?brand=gone1&brand=gone2 is
    // refused for gone1, then, without it, for gone2). Django walks the values as a frozenset, so "first" is in hash
    // order, not the link's; the demo takes the link's, and the storefront relies on neither.
    const unknown = brandSlugs.find(slug => !db.brandBySlug.has(slug))
    if (unknown !== undefined && db.profile.strictFilterChoices) errors.brand = invalidChoice(unknown)
    const ids = new Set(brandSlugs.map(slug => db.brandBySlug.get(slug)?.id ?? -1))
    predicates.push({ name: 'brand', test: p => ids.has(p.brandId) })
  }

  const minRaw = query.get('min_price')
  const maxRaw = query.get('max_price')
  const min = minRaw ? cents(minRaw, 'up') : null
  const max = maxRaw ? cents(maxRaw, 'down') : null
  if (minRaw && min === null) errors.min_price = ['Enter a number.']
  if (maxRaw && max === null) errors.max_price = ['Enter a number.']
  if (min !== null || max !== null) {
    predicates.push({ name: 'price', test: p => (min === null || p.priceCents >= min) && (max === null || p.priceCents <= max) })
  }

  const ratingRaw = query.get('min_rating')
  if (ratingRaw) {
    const rating = /^\s*\d+(\.\d+)?\s*$/.test(ratingRaw) ? Number(ratingRaw) : null
    if (rating === null) errors.min_rating = ['Enter a number.']
    else predicates.push({ name: 'rating', test: p => p.ratingTenths >= Math.ceil(rating * 10 - 1e-9) })
  }

  const inStock = booleanParam(query.get('in_stock'))
  if (inStock !== null) predicates.push({ name: 'in_stock', test: p => (p.stock > 0) === inStock })

  const terms = searchTerms(query.get('search'))
  if (terms.length) predicates.push({ name: 'search', test: p => terms.every(term => p.haystack.includes(term)) })

  if (Object.keys(errors).length) throw validationError(errors)
  return { predicates }
}

/** A single predicate for the whole filter, optionally leaving one filter out (for facets). */
export function matcher(filter: ProductFilter, except?: FilterName): Predicate {
  const tests = filter.predicates.filter(p => p.name !== except).map(p => p.test)
  if (tests.length === 0) return () => true
  if (tests.length === 1) return tests[0] as Predicate
  return product => tests.every(test => test(product))
}
