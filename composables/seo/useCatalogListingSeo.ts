import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { useRoute } from '#imports'
import type { UseCatalogListingReturn } from '~/composables/catalog/useCatalogListing'
import type { ProductQuery, ProductSummary } from '~/services/domain/product'
import type { ProductFacets } from '~/services/domain/facets'
import type { ListPage } from '~/stores/resources/cursorList'
import { formatMoney } from '~/utils/format/money'
import { listingPagePath, type RawQuery } from '~/utils/routes/listingPages'
import { useListingSeo, type ListingPageRef } from './useListingSeo'
import { useNotFoundStatus } from './useNotFoundStatus'

export interface UseCatalogListingSeoOptions {
  /** "All products", or the category's name. */
  name: MaybeRefOrGetter<string>
  /** The listing's own path (PRODUCTS_PATH, categoryPath(slug)). */
  path: MaybeRefOrGetter<string>
  /** The category this listing is, for breadcrumbs. */
  categorySlug?: MaybeRefOrGetter<string | undefined>
  /** The listing's subject does not exist (unknown category): 404 on the server, "Category not found", noindex. */
  notFound?: MaybeRefOrGetter<boolean>
  noindex?: boolean
}

/** Props for <SeoPager>: the neighbouring component pages, and what the address bar needs while scrolling. */
export interface ListingPagerProps {
  previousPath: string | null
  nextPath: string | null
  /** The pages the list loaded, where each starts. */
  pages: readonly ListPage[]
  /** The listing URL of the loaded page at `index` in `pages` (with where it came from). */
  urlForPage: (index: number) => string
}

/**
 * "Acme, Bolt, $10.00–$50.00, 4+ stars, in stock": the active filters in words. A brand by the name the counts give,
 * else the one its products on the page carry (the counts can fail alone, and that page is a 200 crawlers index);
 * by its slug only when the page has neither.
 */
export function describeFilters(query: ProductQuery, facets: ProductFacets | null, products: readonly ProductSummary[] = [], currency = 'USD'): string {
  const parts: string[] = []
  if (query.search) parts.push(`“${query.search}”`)
  if (query.brands?.length) parts.push(query.brands.map(slug => facets?.brands.find(brand => brand.slug === slug)?.name ?? products.find(product => product.brand.slug === slug)?.brand.name ?? slug).join(', '))
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
 * Server render of a listing whose refused filters were left out (useStaleFilters): the parameters of the corrected
 * URL, for the canonical and the pager's links (the browser then puts that URL in the address bar); else undefined.
 */
function correctedQuery(listing: UseCatalogListingReturn): RawQuery | undefined {
  const { correction, locationQuery, query } = listing.filters
  return correction.value ? locationQuery(query.value) as RawQuery : undefined
}

/**
 * Listing-page SEO wired to useCatalogListing: metadata and JSON-LD for the component page the URL names, and the
 * props of the <SeoPager> links below the grid. Every neighbouring page is one the list walked (its `pages`) or one
 * the link that led here named (`from`); a page reached without `from` links back to the first page.
 */
export function useCatalogListingSeo(listing: UseCatalogListingReturn, options: UseCatalogListingSeoOptions): ComputedRef<ListingPagerProps> {
  const route = useRoute()
  const state = listing.list.list
  const { cursor, from } = listing.filters

  /** A loaded page as a link target; the list's own first page came from where the URL said. */
  function pageRef(index: number): ListingPageRef {
    const pages = state.value?.pages ?? []
    const at = pages[index]?.cursor ?? null
    const before = pages[index - 1]
    return { cursor: at, from: before ? before.cursor : at !== null && at === cursor.value ? from.value : null }
  }

  // The component page the URL names: the first page of a list started there, or one a list walked (back navigation).
  const index = computed(() => Math.max(0, state.value?.pages.findIndex(page => page.cursor === cursor.value) ?? 0))
  const componentPage = computed(() => {
    const pages = state.value?.pages ?? []
    return listing.list.items.value.slice(pages[index.value]?.offset ?? 0, pages[index.value + 1]?.offset)
  })
  const urlForPage = (at: number) => {
    const page = pageRef(at)
    return listingPagePath(toValue(options.path), (import.meta.server && correctedQuery(listing)) || route.query as RawQuery, page.cursor, page.from)
  }

  const categoryTrail = () => {
    const slug = toValue(options.categorySlug)
    return slug ? listing.categories.pathTo(slug) : []
  }
  const { previousPath, nextPath } = useListingSeo(() => {
    const list = state.value
    const last = list?.pages.at(-1)
    return {
      name: toValue(options.name),
      path: toValue(options.path),
      filterSummary: describeFilters(listing.filters.query.value, listing.facets.facets.value, componentPage.value),
      resultCount: listing.resultCount.value,
      previous: !cursor.value ? undefined : index.value > 0 ? pageRef(index.value - 1) : { cursor: from.value, from: null },
      next: list?.hasNext && list.nextCursor ? { cursor: list.nextCursor, from: last?.cursor ?? null } : null,
      noindex: options.noindex,
      // Titled as the product's 404 is (useProductSeo); the snippet is the server's, so the browser's build drops it.
      ...(toValue(options.notFound) ? { notFound: { title: 'Category not found', description: import.meta.server ? 'This category does not exist or is no longer available. Browse all categories for similar products.' : '' } } : {}),
      ...(import.meta.server ? { query: correctedQuery(listing), categoryTrail: categoryTrail(), products: componentPage.value } : {}),
    }
  })
  useNotFoundStatus(() => toValue(options.notFound) ?? false)

  return computed(() => ({
    previousPath: previousPath.value,
    nextPath: nextPath.value,
    pages: state.value?.pages ?? [],
    urlForPage,
  }))
}
