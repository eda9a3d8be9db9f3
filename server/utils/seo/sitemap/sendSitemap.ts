import type { H3Event } from 'h3'
import { setResponseHeader, setResponseStatus } from 'h3'
import { useRuntimeConfig, useStorage } from 'nitropack/runtime'
import { backendCatalogSource, CatalogUnavailableError } from './catalogSource'
import { sitemapService, type SitemapBody } from './sitemapService'

/** The sitemap service wired to this deployment's runtime config and shared cache. */
export function sitemapFor(event: H3Event) {
  const config = useRuntimeConfig(event)
  return sitemapService({
    source: backendCatalogSource({ apiBase: String(config.apiBase) }),
    storage: useStorage('cache'),
    siteUrl: String(config.public.siteUrl),
    chunkSize: Number(config.sitemapChunkSize) || 45_000,
  })
}

/** Answers with a sitemap body; a backend that cannot be walked gives 503 + Retry-After, which crawlers honour. */
export async function sendSitemap(event: H3Event, produce: () => Promise<SitemapBody | null>): Promise<string | ReadableStream<Uint8Array>> {
  let body: SitemapBody | null
  try {
    body = await produce()
  }
  catch (error) {
    if (!(error instanceof CatalogUnavailableError)) throw error
    console.warn('[sitemap]', error.message)
    setResponseStatus(event, 503)
    setResponseHeader(event, 'retry-after', 120)
    setResponseHeader(event, 'cache-control', 'no-store')
    return 'The catalog is unavailable; try again shortly.'
  }
  if (!body) {
    setResponseStatus(event, 404)
    return 'No such sitemap.'
  }
  setResponseHeader(event, 'content-type', 'application/xml; charset=utf-8')
  setResponseHeader(event, 'cache-control', 'public, max-age=3600')
  return body.kind === 'xml' ? body.xml : body.stream
}
