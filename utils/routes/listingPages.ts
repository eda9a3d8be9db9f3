import type { LocationQuery } from 'vue-router'
import { parseListingQuery, toListingQuery } from './listingQuery'

export type RawQuery = Record<string, string | null | undefined | Array<string | null>>

// Filters change what a listing shows, so a canonical keeps them; sort, page size and tracking do not.
const CANONICAL_KEYS = ['q', 'category', 'brand', 'min_price', 'max_price', 'rating', 'in_stock'] as const

function values(query: RawQuery, key: string): string[] {
  const value = query[key]
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '')
}

/**
 * The canonical of a listing URL: path + the filters the listing applies, in a fixed order. Read as the listing
 * reads them (listingQuery.ts), so values it ignores (`rating=9`, `brand=NOT A SLUG`, `min_price=abc`) name no other
 * page, and `brand=a,b` or `in_stock=true` name the same page as `brand=a&brand=b` and `in_stock=1`. A component
 * page (`?cursor=`) is its own canonical, except under a sort: cursors belong to one ordering, so a sorted page
 * points at the first page.
 */
export function canonicalListingPath(path: string, query: RawQuery): string {
  const parsed = parseListingQuery(query as LocationQuery)
  const { sort, ...filters } = parsed.query
  const applied = toListingQuery({ query: filters }) as RawQuery
  const params = new URLSearchParams()
  for (const key of CANONICAL_KEYS) {
    for (const value of [...values(applied, key)].sort()) params.append(key, value)
  }
  if (parsed.cursor && !sort) params.append('cursor', parsed.cursor)
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

/**
 * Whether a listing URL is a page for the index: the listing itself, or it narrowed to one brand (a landing page,
 * "Acme headphones"). Any other narrowing (brands combined, a typed price, a rating, availability, a search term)
 * makes pages without bound, so they are `noindex, follow` (docs/seo-and-caching.md). Sort, page size, cursor and
 * tracking are not narrowing: the canonical handles them.
 */
export function isLandingListing(query: RawQuery): boolean {
  const { sort, brands = [], ...narrowing } = parseListingQuery(query as LocationQuery).query
  return brands.length < 2 && Object.values(narrowing).every(value => value === undefined)
}

/**
 * The same listing at another component page: every parameter kept, the cursor replaced (null: the first page).
 * `from` is the cursor of the page before that one, when the storefront walked it (omitted: the first page).
 */
export function listingPagePath(path: string, query: RawQuery, cursor: string | null, from: string | null = null): string {
  const params = new URLSearchParams()
  for (const key of Object.keys(query).sort()) {
    if (key === 'cursor' || key === 'from') continue
    for (const value of values(query, key)) params.append(key, value)
  }
  if (cursor) params.append('cursor', cursor)
  if (cursor && from) params.append('from', from)
  const text = params.toString()
  return text ? `${path}?${text}` : path
}
