/** `path` on the site's public origin (NUXT_PUBLIC_SITE_URL), for canonicals, sitemaps and JSON-LD. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return siteUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`)
}
