import { defineEventHandler, getRouterParam } from 'h3'
import { sendSitemap, sitemapFor } from '../../utils/seo/sitemap/sendSitemap'

// The files a sitemap index lists: /sitemap/pages.xml and /sitemap/products-{n}.xml.
export default defineEventHandler((event) => {
  const name = getRouterParam(event, 'file') ?? ''
  return sendSitemap(event, `sitemap/${name}`, () => sitemapFor(event).part(name))
})
