export interface RobotsOptions {
  /** Public origin, e.g. https://shop.example (NUXT_PUBLIC_SITE_URL). */
  siteUrl: string
  /** Personal pages (cart, checkout, account, ...): nothing for a search engine there. */
  privatePrefixes: readonly string[]
}

/**
 * robots.txt: everything public is crawlable; personal pages, search results and the API are not,
 * except product images served through it.
 */
export function robotsTxt(options: RobotsOptions): string {
  const origin = options.siteUrl.replace(/\/+$/, '')
  const lines = [
    'User-agent: *',
    'Allow: /',
    ...options.privatePrefixes.map(prefix => `Disallow: ${prefix}`),
    // Search result pages: endless, thin, near-duplicate; listings and product pages cover the catalog.
    'Disallow: /search',
    'Disallow: /*?*search=',
    'Disallow: /*?*q=',
    'Disallow: /api/',
    'Allow: /api/media/',
    '',
    `Sitemap: ${origin}/sitemap.xml`,
  ]
  return `${lines.join('\n')}\n`
}
