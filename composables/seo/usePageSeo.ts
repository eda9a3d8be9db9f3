import { computed, onScopeDispose, toValue, watch, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { useHead, useRoute, useRuntimeConfig } from '#imports'
import { isIndexable } from '~/utils/routes/indexing'
import { absoluteUrl } from '~/utils/routes/siteUrl'
import { serializeJsonLd, type JsonLd } from '~/utils/seo/jsonLd'

export const SITE_NAME = 'Storefront'

export interface PageSeo {
  /** Page title without the site name ("Blue mug"); the site name is appended. */
  title: string
  /** One or two sentences for the search result snippet (server only: callers may leave it empty in the browser). */
  description: string
  /** Canonical path (from utils/routes/), made absolute with NUXT_PUBLIC_SITE_URL. */
  canonicalPath: string | null
  /** Absolute image URL for link previews (server only, like the description). */
  image?: string | null
  /** Open Graph type: website for listings, product for product pages. */
  type?: 'website' | 'product'
  /** Structured data blocks, serialized safely into <script type="application/ld+json"> (server only). */
  jsonLd?: JsonLd[]
  /** This page must not be indexed (a 404): noindex, links still followed. Pages the route policy does not make
   * public (search results, personal pages) are noindex whatever this says. */
  noindex?: boolean
  /** Neighbouring component pages of a paginated listing (absolute or path). */
  prevPath?: string | null
  nextPath?: string | null
}

export interface UsePageSeoReturn {
  /** The absolute canonical URL, or null when the page has none. */
  canonicalUrl: ComputedRef<string | null>
}

/**
 * Head tags every indexable page needs, reactive to `seo`: title, canonical, neighbour links and robots (from
 * `noindex` and the route policy) wherever the page renders; the search snippet and link preview (meta description,
 * Open Graph, Twitter card) and JSON-LD in the server's HTML only.
 *
 * Those last are read by crawlers and link-preview bots, and they read the server-rendered page; nothing in a
 * browser shows them. So the browser does not build them (the description, preview and structured-data builders
 * were ~1.5 KiB of gzip in the catalog pages' first view, issue 21), and drops the server's when the shopper leaves
 * the page or its address changes (a filter, the next component page) rather than keep describing another page.
 * What a browser does use follows every navigation: the title (tabs, history, the screen reader's page
 * announcement), the canonical, and robots.
 */
export function usePageSeo(seo: MaybeRefOrGetter<PageSeo>): UsePageSeoReturn {
  const siteUrl = String(useRuntimeConfig().public.siteUrl)
  const route = useRoute()
  const current = computed(() => toValue(seo))
  const url = (path: string | null | undefined) => (path ? absoluteUrl(siteUrl, path) : null)
  const canonicalUrl = computed(() => url(current.value.canonicalPath))
  const fullTitle = computed(() => (current.value.title ? `${current.value.title} · ${SITE_NAME}` : SITE_NAME))

  // Plain useHead, not useSeoMeta: useSeoMeta's flat-meta plugin and its key table (~1.5 KiB of gzip) would ship in
  // every page's entry chunk, beside the useHead they share a module with (issue 21).
  useHead(() => {
    const { prevPath, nextPath } = current.value
    const links: Array<{ rel: string, href: string, key: string }> = []
    if (canonicalUrl.value) links.push({ rel: 'canonical', href: canonicalUrl.value, key: 'canonical' })
    const prev = url(prevPath)
    const next = url(nextPath)
    if (prev) links.push({ rel: 'prev', href: prev, key: 'prev' })
    if (next) links.push({ rel: 'next', href: next, key: 'next' })
    const robots = current.value.noindex || !isIndexable(route.path) ? [{ name: 'robots', content: 'noindex, follow' }] : []
    return {
      title: fullTitle.value,
      // (import.meta.server spelled out at each use, so the browser's build drops what it guards.)
      meta: import.meta.server ? serverMeta(current.value, canonicalUrl.value, robots) : robots,
      link: links,
      script: import.meta.server ? (current.value.jsonLd ?? []).map((data, index) => ({ key: `ld-json-${index}`, type: 'application/ld+json', innerHTML: serializeJsonLd(data) })) : [],
    }
  })

  if (import.meta.client) dropServerOnlyTagsOnLeave(route)

  return { canonicalUrl }
}

type MetaTag = { name: string, content: string } | { property: string, content: string }

/** The server's meta tags, in this order: description, robots, Open Graph, Twitter card, og:type. */
function serverMeta(seo: PageSeo, canonicalUrl: string | null, robots: MetaTag[]): MetaTag[] {
  const { title, description, image } = seo
  const named = (name: string, content: string | null | undefined): MetaTag[] => (content ? [{ name, content }] : [])
  const property = (name: string, content: string | null | undefined): MetaTag[] => (content ? [{ property: name, content }] : [])
  return [
    ...named('description', description),
    ...robots,
    ...property('og:site_name', SITE_NAME),
    ...property('og:title', title || SITE_NAME),
    ...property('og:description', description),
    ...property('og:url', canonicalUrl),
    ...property('og:image', image),
    ...named('twitter:card', image ? 'summary_large_image' : 'summary'),
    ...named('twitter:title', title || SITE_NAME),
    ...named('twitter:description', description),
    ...named('twitter:image', image),
    { property: 'og:type', content: seo.type ?? 'website' },
  ]
}

/** The tags only the server writes (serverMeta's snippet and preview tags, JSON-LD). */
export const SERVER_ONLY_HEAD_TAGS = 'meta[name="description"], meta[property^="og:"], meta[name^="twitter:"], script[type="application/ld+json"]'

/** Removes the server's snippet, preview and structured data once the page it describes is left or re-addressed. */
function dropServerOnlyTagsOnLeave(route: { fullPath: string }): void {
  const rendered = route.fullPath
  const drop = () => document.head.querySelectorAll(SERVER_ONLY_HEAD_TAGS).forEach(tag => tag.remove())
  const stop = watch(() => route.fullPath, (path) => {
    if (path === rendered) return
    drop()
    stop()
  })
  onScopeDispose(drop)
}
