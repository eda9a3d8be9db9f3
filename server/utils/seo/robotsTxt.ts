export interface RobotsOptions {
  /** Public origin, e.g. https://shop.example (NUXT_PUBLIC_SITE_URL). */
  siteUrl: string
  /** Paths crawlers are kept off (the route policy's private, protected and noindex pages). */
  disallow: readonly string[]
}

/**
 * robots.txt: everything public is crawlable; personal pages, search results and the API are not, except product
 * images served through it. Search by query string too (a listing's ?q=): endless, thin, near-duplicate pages.
 */
export function robotsTxt(options: RobotsOptions): string {
  const origin = options.siteUrl.replace(/\/+$/, '')
  const lines = [
    'User-agent: *',
    'Allow: /',
    ...options.disallow.map(prefix => `Disallow: ${prefix}`),
    'Disallow: /*?*search=',
    'Disallow: /*?*q=',
    'Disallow: /api/',
    'Allow: /api/media/',
    '',
    `Sitemap: ${origin}/sitemap.xml`,
  ]
  return `${lines.join('\n')}\n`
}
