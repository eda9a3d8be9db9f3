import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { useRoute, useRuntimeConfig } from '#imports'
import type { JsonLd } from '~/utils/seo/jsonLd'
import { breadcrumbJsonLd, itemListJsonLd, type Crumb } from '~/utils/seo/structuredData'
import { truncateText } from '~/utils/seo/metaText'
import { formatCount } from '~/utils/format/count'
import { categoryPath, productPath } from '~/utils/routes/paths'
import { absoluteUrl } from '~/utils/routes/siteUrl'
import { canonicalListingPath, isLandingListing, listingPagePath, type RawQuery } from '~/utils/routes/listingPages'
import { SITE_NAME, usePageSeo } from './usePageSeo'

/**
 * A component page of a listing as the storefront knows it: its cursor (null: the first page) and the cursor of the
 * page before it (null: the first page, or not known). Both come from pages the storefront walked or from the link
 * that led here, never from the backend's `previous` cursor.
 */
export interface ListingPageRef {
  cursor: string | null
  from: string | null
}

export interface ListingSeoInput {
  /** What the listing is: a category name, "All products". */
  name: string
  /** The listing's own path: /products or /categories/{slug}. */
  path: string
  /**
   * Server only (the snippet's and JSON-LD's, which the browser's build drops): category ancestry, root first, ending
   * with this category; none for all products.
   */
  categoryTrail?: ReadonlyArray<{ slug: string, name: string }>
  /** Server only, as `categoryTrail`: the products this component page renders, in order. */
  products?: ReadonlyArray<{ id: number, slug: string, title: string }>
  /** Human-readable active filters ("Acme, in stock, under $50"); empty when none. */
  filterSummary: string
  /** How many products match, when known. */
  resultCount: number | null
  /** The previous component page; undefined when this is the first page. */
  previous: ListingPageRef | undefined
  /** The next component page; null on the last one. */
  next: ListingPageRef | null
  /** Search results and the like: followed but not indexed. */
  noindex?: boolean
  /**
   * The listing's subject does not exist (an unknown category): the 404 page's title and snippet. It has no
   * canonical (it would claim the address as a page) and no neighbours, and is not indexed.
   */
  notFound?: { title: string, description: string }
  /**
   * Server only: the query parameters the listing shows when they are not the address's (a listing whose refused
   * filters were left out, useStaleFilters), for its canonical and links. The browser replaces the address with them.
   */
  query?: RawQuery
}

export interface UseListingSeoReturn {
  /** Paths of the neighbouring component pages, for the visible "previous"/"next" links. */
  previousPath: ComputedRef<string | null>
  nextPath: ComputedRef<string | null>
}

/** Search snippet and JSON-LD (BreadcrumbList home > categories, ItemList of this page's products): server only. */
function snippet(listing: ListingSeoInput, siteUrl: string): { description: string, jsonLd: JsonLd[] } {
  const { categoryTrail = [], products = [] } = listing
  // "10,000", as the page writes it (CatalogResultCount).
  const count = listing.resultCount !== null ? `${formatCount(listing.resultCount)} ` : ''
  const subject = categoryTrail.length ? `${listing.name.toLowerCase()} products` : 'products'
  const description = truncateText(
    `Shop ${count}${subject}${listing.filterSummary ? ` (${listing.filterSummary})` : ''} at ${SITE_NAME}: compare prices, ratings and reviews, and see what is in stock today.`,
  )
  const crumbs: Crumb[] = [
    { name: 'Home', url: absoluteUrl(siteUrl, '/') },
    ...(categoryTrail.length
      ? categoryTrail.map(category => ({ name: category.name, url: absoluteUrl(siteUrl, categoryPath(category.slug)) }))
      : [{ name: listing.name, url: absoluteUrl(siteUrl, listing.path) }]),
  ]
  return {
    description,
    jsonLd: [
      breadcrumbJsonLd(crumbs),
      itemListJsonLd(products.map(product => ({ url: absoluteUrl(siteUrl, productPath(product)), name: product.title }))),
    ],
  }
}

/**
 * A listing's metadata: title and description from category and filters, a canonical without sort or tracking
 * parameters, rel prev/next, and JSON-LD BreadcrumbList (home > categories) and ItemList (this page's products).
 */
export function useListingSeo(input: MaybeRefOrGetter<ListingSeoInput>): UseListingSeoReturn {
  const route = useRoute()
  // The snippet's alone: the browser's build has no use for it.
  const siteUrl = import.meta.server ? String(useRuntimeConfig().public.siteUrl) : ''
  const current = computed(() => toValue(input))
  // The browser's build folds this to route.query.
  const query = computed(() => ((import.meta.server && current.value.query) || route.query) as RawQuery)
  const isComponentPage = computed(() => current.value.previous !== undefined)
  const pathOf = (page: ListingPageRef | null | undefined) => (page ? listingPagePath(current.value.path, query.value, page.cursor, page.from) : null)

  const previousPath = computed(() => pathOf(current.value.previous))
  const nextPath = computed(() => pathOf(current.value.next))

  usePageSeo(computed(() => {
    const listing = current.value
    if (listing.notFound) return { ...listing.notFound, canonicalPath: null, noindex: true }
    const filtered = listing.filterSummary ? ` – ${listing.filterSummary}` : ''
    const continued = isComponentPage.value ? ' (more)' : ''
    // Faceted navigation: combinations outside the index have no canonical, as Google asks (a canonical elsewhere on
    // a noindex page is a conflicting signal).
    const landing = isLandingListing(query.value)
    return {
      title: `${listing.name}${filtered}${continued}`,
      canonicalPath: landing ? canonicalListingPath(listing.path, query.value) : null,
      // Filters that match nothing: `?brand=` takes any slug and the title names it, so each made-up one was another
      // indexable page of nothing. An empty listing without filters (a new category) stays in the index.
      noindex: !landing || listing.noindex || (!!listing.filterSummary && listing.resultCount === 0),
      prevPath: previousPath.value,
      nextPath: nextPath.value,
      // Snippet and structured data are the server's (usePageSeo); spelled out here so the browser's build drops them.
      ...(import.meta.server ? snippet(listing, siteUrl) : { description: '' }),
    }
  }))

  return { previousPath, nextPath }
}
