import { defineEventHandler } from 'h3'
import { sendSitemap, sitemapFor } from '../utils/seo/sitemap/sendSitemap'

// Every product and category URL, walked from the backend's cursor API (an index past 45,000 products).
export default defineEventHandler(event => sendSitemap(event, 'sitemap.xml', () => sitemapFor(event).root()))
