import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { useRoute } from '#imports'
import type { UseCatalogListingReturn } from '~/composables/catalog/useCatalogListing'
import type { ProductQuery } from '~/services/domain/product'
import type { ProductFacets } from '~/services/domain/facets'
import { formatMoney } from '~/utils/format/money'
import { listingPagePath, type RawQuery } from '~/utils/seo/listingUrls'
import { useListingSeo } from './useListingSeo'
import { useNotFoundStatus } from './useNotFoundStatus'

export interface UseCatalogListingSeoOptions {
  /** "All products", or the category's name. */
  name: MaybeRefOrGetter<string>
  /** /products or /categories/{slug}. */
  path: MaybeRefOrGetter<string>
  /** The category this listing is, for breadcrumbs. */
  categorySlug?: MaybeRefOrGetter<string | undefined>
  /** The listing's subject does not exist (unknown category): 404 on the server, noindex. */
  notFound?: MaybeRefOrGetter<boolean>
  noindex?: boolean
}

/** Props for <SeoPager>: the neighbouring component pages and what the address bar needs while scrolling. */
export interface ListingPagerProps {
  previousPath: string | null
  nextPath: string | null
  ids: readonly number[]
  pages: ReadonlyArray<{ cursor: string | null, offset: number }>
  urlFor: (cursor: string | null) => string
}

/** "Acme, Bolt, $10.00–$50.00, 4+ stars, in stock": the active filters in words. */
export function describeFilters(query: ProductQuery, facets: ProductFacets | null, currency = 'USD'): string {
  const parts: string[] = []
  if (query.search) parts.push(`“${query.search}”`)
  if (query.brands?.length) parts.push(query.brands.map(slug => facets?.brands.find(brand => brand.slug === slug)?.name ?? slug).join(', '))
  const min = query.minPrice !== undefined ? formatMoney({ amount: query.minPrice, currency }) : null
  const max = query.maxPrice !== undefined ? formatMoney({ amount: query.maxPrice, currency }) : null
  if (min && max) parts.push(`${min}–${max}`)
  else if (min) parts.push(`from ${min}`)
  else if (max) parts.push(`up to ${max}`)
  if (query.minRating) parts.push(`${query.minRating}+ stars`)
  if (query.inStock) parts.push('in stock')
  return parts.join(', ')
}

/**
 * Listing-page SEO wired to useCatalogListing: metadata and JSON-LD for the server-rendered component page,
 * and the props of the <SeoPager> links below the grid. Returns those props.
 */
export function useCatalogListingSeo(listing: UseCatalogListingReturn, options: UseCatalogListingSeoOptions): ComputedRef<ListingPagerProps> {
  const route = useRoute()
  const state = listing.list.list
  const urlFor = (cursor: string | null) => listingPagePath(toValue(options.path), route.query as RawQuery, cursor)

  // The first page of this list is what the server rendered and what a crawler sees.
  const componentPage = computed(() => {
    const end = state.value?.pages[1]?.offset ?? state.value?.ids.length ?? 0
    return listing.list.products.value.slice(0, end)
  })

  const { previousPath, nextPath } = useListingSeo(() => {
    const slug = toValue(options.categorySlug)
    const list = state.value
    return {
      name: toValue(options.name),
      path: toValue(options.path),
      categoryTrail: slug ? listing.categories.pathTo(slug) : [],
      products: componentPage.value,
      filterSummary: describeFilters(listing.filters.query.value, listing.facets.facets.value),
      resultCount: listing.resultCount.value,
      previousCursor: list?.startCursor ? list.previousCursor : undefined,
      nextCursor: list?.hasNext ? list.nextCursor : null,
      noindex: options.noindex || toValue(options.notFound),
    }
  })
  useNotFoundStatus(() => toValue(options.notFound) ?? false)

  return computed(() => ({
    previousPath: previousPath.value,
    nextPath: nextPath.value,
    ids: state.value?.ids ?? [],
    pages: state.value?.pages ?? [],
    urlFor,
  }))
}
