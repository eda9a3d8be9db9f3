import { MIN_RATINGS, type ProductQuery } from '~/services/domain/product'
import { toListingQuery } from './listingQuery'

// Server (robots.txt) and tests only: nothing in the browser needs it.

/**
 * One filter of each kind that takes a listing out of the index whatever its value (isLandingListing in
 * listingPages.ts): a search term, a typed price, a rating, availability. Their parameter names are the ones the
 * listing's own URL writer (toListingQuery) gives them, so renaming a parameter renames its rule.
 */
const NEVER_INDEXED: readonly ProductQuery[] = [
  { search: 'mug' }, { minPrice: 100 }, { maxPrice: 100 }, { minRating: MIN_RATINGS[0] }, { inStock: true },
]
/** Brands: one is a landing listing ("Acme headphones"), two or more are not. */
const BRAND: ProductQuery = { brands: ['acme'] }

function parameterNames(query: ProductQuery): string[] {
  return Object.keys(toListingQuery({ query }))
}

/**
 * robots.txt patterns (`*` only) for listing URLs that can never be indexed: any of the parameters above, or the
 * brand parameter twice. Each is matched as a parameter, after `?` or `&`, so no other parameter ending in the same
 * letters is caught. What stays crawlable: the unfiltered listing, one brand, and sort, page size and component pages
 * (`cursor`, `from`) of either; the sitemap's URLs have no query at all (docs/seo-and-caching.md, "Crawlers").
 */
export function facetDisallowPatterns(): string[] {
  const names = [...new Set(NEVER_INDEXED.flatMap(parameterNames))]
  const [brand] = parameterNames(BRAND)
  return [
    ...names.flatMap(name => [`/*?${name}=`, `/*&${name}=`]),
    ...(brand ? [`/*?${brand}=*&${brand}=`, `/*&${brand}=*&${brand}=`] : []),
  ]
}
