import { computed, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import type { RouteLocationRaw } from 'vue-router'
import { listFailure, resourceFailure, type FailureOf } from '~/composables/seo/usePageStatus'
import { facetResultCount } from '~/services/domain/facets'
import type { ProductQuery } from '~/services/domain/product'
import { useCategories, type UseCategoriesReturn } from './useCategories'
import { useProductFacets, type UseProductFacetsReturn } from './useProductFacets'
import { useProductList, type UseProductListReturn } from './useProductList'
import { toListingQuery } from '~/utils/routes/listingQuery'
import { categoryPath, PRODUCTS_PATH } from '~/utils/routes/paths'
import { useListingFilters, type UseListingFiltersReturn } from './useListingFilters'

export interface UseCatalogListingOptions {
  /** Filters the route carries (the category of /categories/[slug], the search term of /search). */
  fixed?: MaybeRefOrGetter<ProductQuery>
}

export interface UseCatalogListingReturn {
  /** Filters and sort, bound to the URL. */
  filters: UseListingFiltersReturn
  /** The products for those filters. */
  list: UseProductListReturn
  /** Counts for the filter panel. */
  facets: UseProductFacetsReturn
  /** The category tree, for the filter panel and breadcrumbs. */
  categories: UseCategoriesReturn
  /** How many products match: exact once the whole list is loaded, else from the facet counts; null while unknown. */
  resultCount: ComputedRef<number | null>
  /** Link to a category's listing (null: all products) keeping the other filters, for the category tree. */
  categoryLink: (slug: string | null) => RouteLocationRaw
  /** Each source's failure, for the page's status (usePageStatus): the page says which are its main content. */
  failures: { products: FailureOf, facets: FailureOf, categories: FailureOf }
}

/**
 * Everything a listing page needs, loaded in parallel (first page, facets and categories in one SSR round trip).
 * Pages stay thin: they add their heading and page-level metadata around it.
 */
export async function useCatalogListing(options: UseCatalogListingOptions = {}): Promise<UseCatalogListingReturn> {
  const filters = useListingFilters({ fixed: options.fixed })
  const [list, facets, categories] = await Promise.all([
    useProductList(filters.query, { startCursor: filters.cursor, pageSize: filters.pageSize }),
    useProductFacets(filters.query),
    useCategories(),
  ])

  const resultCount = computed(() => {
    const state = list.list.value
    if (state && state.status === 'done' && state.startCursor === null) return state.ids.length
    const counts = facets.facets.value
    return counts && facets.status.value === 'success' ? facetResultCount(counts, filters.query.value.brands) : null
  })

  function categoryLink(slug: string | null): RouteLocationRaw {
    const query = toListingQuery({ query: { ...filters.query.value, category: undefined }, pageSize: filters.pageSize.value })
    return { path: slug ? categoryPath(slug) : PRODUCTS_PATH, query }
  }

  const failures = {
    products: () => listFailure(list),
    facets: () => resourceFailure(facets.status.value, facets.error.value),
    categories: () => resourceFailure(categories.status.value, categories.error.value),
  }

  // A link whose filters name what the shop no longer has (a removed brand, an old crawler link): the server renders
  // the listing without them (200) rather than an error, its canonical the corrected URL; the browser then replaces
  // the address (useStaleFilters; docs/seo-and-caching.md says why not a redirect). Again while the backend refuses
  // more (it names one value of a filter per answer); each round leaves out a value, so it ends: a 400 that names
  // nothing more to leave out is the page's error, as before.
  if (import.meta.server) {
    const refused = () => [listFailure(list), resourceFailure(facets.status.value, facets.error.value)].find(failure => failure?.status === 400)
    let failure = refused()
    const { correctStaleFilters } = failure ? await import('./staleFilterCorrection') : {}
    while (failure && await correctStaleFilters?.(filters, failure)) {
      await Promise.all([list.reload(), facets.retry()])
      failure = refused()
    }
  }

  return { filters, list, facets, categories, resultCount, categoryLink, failures }
}
