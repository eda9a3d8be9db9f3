export interface RobotsOptions {
  /** Public origin, e.g. https://shop.example (NUXT_PUBLIC_SITE_URL). */
  siteUrl: string
  /** Paths crawlers are kept off (the route policy's private, protected and noindex pages). */
  disallow: readonly string[]
  /**
   * Listing URLs crawlers are kept off, as patterns: the filter combinations that are never indexed
   * (utils/routes/facetCrawling.ts, docs/seo-and-caching.md "Faceted navigation").
   */
  disallowListings: readonly string[]
}

/**
 * robots.txt: everything public is crawlable; personal pages, search results and the API are not, except product
 * images served through it; nor are listings whose filters can never be indexed (a search term, a price, two brands
 * ...): endless, thin, near-duplicate pages.
 */
export function robotsTxt(options: RobotsOptions): string {
  const origin = options.siteUrl.replace(/\/+$/, '')
  const lines = [
    'User-agent: *',
    'Allow: /',
    ...options.disallow.map(prefix => `Disallow: ${prefix}`),
    'Disallow: /*?*search=',
    ...options.disallowListings.map(pattern => `Disallow: ${pattern}`),
    'Disallow: /api/',
    'Allow: /api/media/',
    '',
    `Sitemap: ${origin}/sitemap.xml`,
  ]
  return `${lines.join('\n')}\n`
}
