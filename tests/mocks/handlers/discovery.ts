import type { FacetCountDto, FacetsDto, SuggestionDto } from '../../../services/dto'
import type { DemoContext } from '../http/context'
import { json } from '../http/responses'
import type { Route } from '../http/router'
import { decimal } from '../serializers/catalog'
import type { FilterName } from './productFilter'
import { matcher, parseProductFilter } from './productFilter'

const RATING_STEPS = [4, 3, 2, 1] as const

/**
 * Facets over the list filters. Each facet ignores its own filter (disjunctive faceting), so a shopper
 * sees the other brands while one brand is selected, and the price range while a price filter is set.
 */
function facets(context: DemoContext): Response {
  const { db } = context
  const filter = parseProductFilter(db, context.query)
  const except = (name: FilterName) => matcher(filter, name)
  const [inCategoryFacet, inBrandFacet, inPriceFacet, inRatingFacet] = [except('category'), except('brand'), except('price'), except('rating')]
  const categoryCounts = new Map<number, number>()
  const brandCounts = new Map<number, number>()
  const ratingCounts = [0, 0, 0, 0]
  let min = Infinity
  let max = -Infinity

  for (const product of db.liveProducts()) {
    if (inCategoryFacet(product)) {
      categoryCounts.set(product.categoryId, (categoryCounts.get(product.categoryId) ?? 0) + 1)
      const parentId = db.category(product.categoryId).parentId
      if (parentId !== null) categoryCounts.set(parentId, (categoryCounts.get(parentId) ?? 0) + 1)
    }
    if (inBrandFacet(product)) brandCounts.set(product.brandId, (brandCounts.get(product.brandId) ?? 0) + 1)
    if (inPriceFacet(product)) {
      if (product.priceCents < min) min = product.priceCents
      if (product.priceCents > max) max = product.priceCents
    }
    if (inRatingFacet(product)) {
      RATING_STEPS.forEach((step, index) => {
        if (product.ratingTenths >= step * 10) ratingCounts[index] = (ratingCounts[index] ?? 0) + 1
      })
    }
  }

  const categories: FacetCountDto[] = db.categories
    .filter(c => categoryCounts.has(c.id))
    .map(c => ({ slug: c.slug, name: c.name, count: categoryCounts.get(c.id) as number }))
  const brands: FacetCountDto[] = db.brands
    .filter(b => brandCounts.has(b.id))
    .map(b => ({ slug: b.slug, name: b.name, count: brandCounts.get(b.id) as number }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
  const body: FacetsDto = {
    categories,
    brands,
    price: min === Infinity ? { min: null, max: null } : { min: decimal(min), max: decimal(max) },
    ratings: RATING_STEPS.map((step, index) => ({ min_rating: step, count: ratingCounts[index] ?? 0 })),
  }
  return json(body)
}

const MAX_SUGGESTIONS = 10

/** Up to 10 suggestions: search phrases first, then categories, then products (best rated first). */
function suggest(context: DemoContext): Response {
  const q = (context.query.get('q') ?? '').trim().toLowerCase()
  if (!q) return json([])
  const { db } = context
  const categories: SuggestionDto[] = db.categories
    .filter(c => c.name.toLowerCase().includes(q))
    .slice(0, 3)
    .map(c => ({ type: 'category', text: c.name, slug: c.slug }))
  const phrases = new Map<string, number>()
  const products: Array<{ id: number, slug: string, title: string, rating: number }> = []
  for (const product of db.liveProducts()) {
    const title = product.title.toLowerCase()
    if (!title.includes(q)) continue
    // The product noun ("crew sweater") makes a good query suggestion.
    const phrase = title.split(' ').slice(-2).join(' ')
    if (phrase.includes(q)) phrases.set(phrase, (phrases.get(phrase) ?? 0) + 1)
    // Keep only the best MAX_SUGGESTIONS (rating desc, id asc): no sort of a 100,000-item list per keystroke.
    if (products.length < MAX_SUGGESTIONS || product.ratingTenths > (products[products.length - 1]?.rating ?? 0)) {
      products.push({ id: product.id, slug: product.slug, title: product.title, rating: product.ratingTenths })
      products.sort((a, b) => b.rating - a.rating || a.id - b.id)
      if (products.length > MAX_SUGGESTIONS) products.pop()
    }
  }
  const queries: SuggestionDto[] = [...phrases.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([text]) => ({ type: 'query', text }))
  const room = MAX_SUGGESTIONS - queries.length - categories.length
  const productSuggestions: SuggestionDto[] = products
    .slice(0, room)
    .map(p => ({ type: 'product', text: p.title, id: p.id, slug: p.slug }))
  return json([...queries, ...categories, ...productSuggestions])
}

export const discoveryRoutes: Route[] = [
  { method: 'GET', template: '/products/facets/', handle: facets },
  { method: 'GET', template: '/products/suggest/', handle: suggest },
]
