import { defineNitroPlugin } from 'nitropack/runtime'
import { createSitemapBuilds } from '../utils/seo/sitemap/sitemapBuilds'
import '../utils/seo/sitemap/context'

// One set of sitemap builds per process: crawlers asking for the same file at once share one build, and only a few
// files are built at a time (docs/seo-and-caching.md, "Crawlers").
export default defineNitroPlugin((nitroApp) => {
  const builds = createSitemapBuilds()
  nitroApp.hooks.hook('request', (event) => {
    if (event.path.startsWith('/sitemap')) event.context.sitemapBuilds = builds
  })
})
