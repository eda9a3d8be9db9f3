// Public page paths that crawlers see in sitemaps, canonicals and structured data.

/** Canonical product page: /products/{id}-{slug}. */
export function productPagePath(product: { id: number, slug: string }): string {
  return `/products/${product.id}-${product.slug}`
}

export function categoryPagePath(slug: string): string {
  return `/categories/${encodeURIComponent(slug)}`
}

/** `path` on the site's public origin (NUXT_PUBLIC_SITE_URL), for canonicals, sitemaps and JSON-LD. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return siteUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`)
}
