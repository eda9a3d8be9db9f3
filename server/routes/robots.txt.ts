import { defineEventHandler, setResponseHeader } from 'h3'
import { useRuntimeConfig } from 'nitropack/runtime'
import { robotsTxt } from '../utils/seo/robotsTxt'
import { crawlerExcludedPrefixes } from '~/utils/routes/policy'
import { facetDisallowPatterns } from '~/utils/routes/facetCrawling'

export default defineEventHandler((event) => {
  setResponseHeader(event, 'content-type', 'text/plain; charset=utf-8')
  setResponseHeader(event, 'cache-control', 'public, max-age=3600')
  return robotsTxt({ siteUrl: String(useRuntimeConfig(event).public.siteUrl), disallow: crawlerExcludedPrefixes(), disallowListings: facetDisallowPatterns() })
})
