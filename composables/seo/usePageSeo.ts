import { computed, onScopeDispose, toValue, watch, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { useHead, useRoute, useRuntimeConfig } from '#imports'
import { isIndexable } from '~/utils/routes/indexing'
import { absoluteUrl } from '~/utils/routes/siteUrl'
import { serializeJsonLd, type JsonLd } from '~/utils/seo/jsonLd'

export const SITE_NAME = 'Storefront'

export interface PageSeo {
  /** Page title without the site name ("Blue mug"); the site name is appended. */
  title: string
  /** One or two sentences for the search result snippet. */
  description: string
  /** Canonical path (from utils/routes/), made absolute with NUXT_PUBLIC_SITE_URL. */
  canonicalPath: string | null
  /** Absolute image URL for link previews. */
  image?: string | null
  /** Open Graph type: website for listings, product for product pages. */
  type?: 'website' | 'product'
  /** Structured data blocks, serialized safely into <script type="application/ld+json">. */
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
 * Head tags every indexable page needs, reactive to `seo`: title, meta description, canonical, Open Graph,
 * Twitter card, JSON-LD and robots (from `noindex` and the route policy). Everything lands in the server-rendered HTML.
 */
export function usePageSeo(seo: MaybeRefOrGetter<PageSeo>): UsePageSeoReturn {
  const siteUrl = String(useRuntimeConfig().public.siteUrl)
  const route = useRoute()
  const current = computed(() => toValue(seo))
  const url = (path: string | null | undefined) => (path ? absoluteUrl(siteUrl, path) : null)
  const canonicalUrl = computed(() => url(current.value.canonicalPath))
  const fullTitle = computed(() => (current.value.title ? `${current.value.title} · ${SITE_NAME}` : SITE_NAME))

  // Plain useHead, not useSeoMeta: useSeoMeta's flat-meta plugin and its key table (~1.5 KiB of gzip) would ship in
  // every page's entry chunk, beside the useHead they share a module with (issue 21). Same tags, same order.
  useHead(() => {
    const { title, description, image, prevPath, nextPath, jsonLd = [] } = current.value
    const named = (name: string, content: string | null | undefined) => (content ? [{ name, content }] : [])
    const property = (name: string, content: string | null | undefined) => (content ? [{ property: name, content }] : [])
    const links: Array<{ rel: string, href: string, key: string }> = []
    if (canonicalUrl.value) links.push({ rel: 'canonical', href: canonicalUrl.value, key: 'canonical' })
    const prev = url(prevPath)
    const next = url(nextPath)
    if (prev) links.push({ rel: 'prev', href: prev, key: 'prev' })
    if (next) links.push({ rel: 'next', href: next, key: 'next' })
    return {
      title: fullTitle.value,
      meta: [
        ...named('description', description),
        ...named('robots', current.value.noindex || !isIndexable(route.path) ? 'noindex, follow' : null),
        ...property('og:site_name', SITE_NAME),
        ...property('og:title', title || SITE_NAME),
        ...property('og:description', description),
        ...property('og:url', canonicalUrl.value),
        ...property('og:image', image),
        ...named('twitter:card', image ? 'summary_large_image' : 'summary'),
        ...named('twitter:title', title || SITE_NAME),
        ...named('twitter:description', description),
        ...named('twitter:image', image),
        { property: 'og:type', content: current.value.type ?? 'website' },
      ],
      link: links,
      script: import.meta.server ? jsonLd.map((data, index) => ({ key: `ld-json-${index}`, type: 'application/ld+json', innerHTML: serializeJsonLd(data) })) : [],
    }
  })

  if (import.meta.client) dropServerJsonLdOnLeave(route)

  return { canonicalUrl }
}

/**
 * Structured data is for crawlers, and they read the server's HTML: the browser never builds it (its builders are
 * first-view weight, issue 21). The server's blocks describe the page and address it rendered, so they go when the
 * shopper leaves that page or its address changes (a filter, the next component page), rather than describe
 * another page.
 */
function dropServerJsonLdOnLeave(route: { fullPath: string }): void {
  const rendered = route.fullPath
  const drop = () => document.head.querySelectorAll('script[type="application/ld+json"]').forEach(script => script.remove())
  const stop = watch(() => route.fullPath, (path) => {
    if (path === rendered) return
    drop()
    stop()
  })
  onScopeDispose(drop)
}
