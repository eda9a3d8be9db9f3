import type { SitemapBuilds } from './sitemapBuilds'

declare module 'h3' {
  interface H3EventContext {
    /** This process's sitemap builds (server/plugins/sitemap.ts), on sitemap requests. */
    sitemapBuilds?: SitemapBuilds
  }
}
