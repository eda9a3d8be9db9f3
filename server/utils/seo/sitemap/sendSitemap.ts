import { promisify } from 'node:util'
import { gunzip } from 'node:zlib'
import type { H3Event } from 'h3'
import { getRequestHeader, setResponseHeader, setResponseStatus } from 'h3'
import { useRuntimeConfig, useStorage } from 'nitropack/runtime'
import { acceptedEncodings } from '../../compression'
import { anonymousRead } from '../../backend/anonymousRead'
import { backendCatalogSource, CatalogUnavailableError, type BackendRead } from './catalogSource'
import { createSitemapBuilds } from './sitemapBuilds'
import { sitemapService, type SitemapFile } from './sitemapService'
import './context'
import '../../backend/context'

const gunzipAsync = promisify(gunzip)

/** A crawler's wait after a failed walk whose last answer did not say how long (a 502 twice, a timeout). */
const UNAVAILABLE_RETRY_AFTER_S = 120

/**
 * How the sitemap reads the backend for the request `event`: through the process's backend gateway
 * (server/plugins/backend.ts), so the /api proxy, the renders and the sitemap share one breaker, one header policy
 * and one timeout. Only if the plugin did not run, the same policy without a breaker.
 */
function backendReadFor(event: H3Event, config: ReturnType<typeof useRuntimeConfig>): BackendRead {
  const gateway = event.context.backend
  if (gateway) return path => gateway.read(event, path)
  const target = { apiBase: String(config.apiBase), timeoutMs: Number(config.apiTimeoutMs) || 8_000, contributors: [], publicOrigin: String(config.public.siteUrl) }
  return path => anonymousRead(event, target, undefined, path)
}

/** The sitemap service wired to this deployment's runtime config, backend gateway, shared cache and builds. */
export function sitemapFor(event: H3Event) {
  const config = useRuntimeConfig(event)
  return sitemapService({
    source: backendCatalogSource({ read: backendReadFor(event, config) }),
    storage: useStorage('cache'),
    siteUrl: String(config.public.siteUrl),
    chunkSize: Number(config.sitemapChunkSize) || 45_000,
    // The plugin's, shared by the process; a private one only if the plugin did not run (one request's builds).
    builds: event.context.sitemapBuilds ?? createSitemapBuilds(),
  })
}

/**
 * Answers with a complete sitemap file, gzip-compressed for crawlers that take it (all of them), plain text
 * otherwise. A backend that cannot be walked, even half-way through, gives 503 + Retry-After, which crawlers honour
 * (the breaker's remaining cool-down while it is open, the backend's own when it sent one, else 120 s), and is
 * logged (the failed call's path and status: nothing about any shopper).
 */
export async function sendSitemap(event: H3Event, name: string, produce: () => Promise<SitemapFile | null>): Promise<Buffer | string> {
  let file: SitemapFile | null
  try {
    file = await produce()
  }
  catch (error) {
    if (!(error instanceof CatalogUnavailableError)) throw error
    console.warn(`[sitemap] ${name} not sent: ${error.message}`)
    setResponseStatus(event, 503)
    setResponseHeader(event, 'retry-after', error.retryAfterS ?? UNAVAILABLE_RETRY_AFTER_S)
    setResponseHeader(event, 'cache-control', 'no-store')
    return 'The catalog is unavailable; try again shortly.'
  }
  if (!file) {
    setResponseStatus(event, 404)
    return 'No such sitemap.'
  }
  setResponseHeader(event, 'content-type', 'application/xml; charset=utf-8')
  setResponseHeader(event, 'cache-control', 'public, max-age=3600')
  setResponseHeader(event, 'vary', 'accept-encoding')
  if (!acceptedEncodings(getRequestHeader(event, 'accept-encoding')).has('gzip')) return (await gunzipAsync(file)).toString('utf8')
  setResponseHeader(event, 'content-encoding', 'gzip')
  return file
}
