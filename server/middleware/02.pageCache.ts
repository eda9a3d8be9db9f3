import type { H3Event } from 'h3'
import { appendResponseHeader, defineEventHandler, getRequestHeader, setResponseHeader, setResponseStatus } from 'h3'
import { getRouteRules } from 'nitropack/runtime'
import { classifyPage, isPagePath, isSignedInRequest, normalizePageUrl, PRIVATE_CACHE_CONTROL, sharedCacheHeaders, UNCACHED_PAGE_CACHE_CONTROL, withRequestTracking } from '../utils/pageCache/policy'
import { chooseEncoding, type ContentEncoding } from '../utils/compression'
import type { CompressedBodies } from '../utils/pageCache/compressedBodies'
import type { HotPage } from '../utils/pageCache/hotPages'
import type { PageCacheResult } from '../utils/pageCache/pageCache'
import { RENDER_HEADER } from '../utils/pageCache/renderAnonymously'
import '../utils/pageCache/context'

/** The body in the encoding asked for, from the page's ready copy when it has one. */
async function encodedBody(result: PageCacheResult, encoding: ContentEncoding, compressed: CompressedBodies): Promise<Buffer> {
  const { hot, page } = result
  if (!hot) return compressed.get(page.etag!, page.body, encoding)
  return hot.encoded[encoding] ??= await compressed.get(hot.etag, hot.body, encoding)
}

/**
 * The headers a ready copy is sent with, worked out on its first send: the stored ones minus those the route rules
 * already set on every response with the same value (the security headers; the page's own CSP differs and stays),
 * plus the shared-page headers that do not change between responses.
 */
function hotHeaders(event: H3Event, hot: HotPage): HotPage['headers'] {
  if (hot.sendHeaders) return hot.sendHeaders
  const ruleHeaders = new Map(Object.entries(getRouteRules(event).headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]))
  hot.sendHeaders = [
    ...hot.headers.filter(([name, value]) => ruleHeaders.get(name) !== value),
    ...sharedCacheHeaders(hot.headerRecord),
    ['vary', 'accept-encoding'],
    // Weak etag: the same for every encoding of the page, as weak comparison allows.
    ['etag', hot.etag],
  ]
  return hot.sendHeaders
}

/** A shared page from this process's ready copy: a few headers set, bytes made once. */
function sendHot(event: H3Event, result: PageCacheResult, hot: HotPage, compressed: CompressedBodies): Buffer | string | Promise<Buffer> {
  setResponseStatus(event, hot.status)
  for (const [name, value] of hotHeaders(event, hot)) setResponseHeader(event, name, value)
  setResponseHeader(event, 'x-cache', result.state)
  setResponseHeader(event, 'age', result.ageS)
  if (getRequestHeader(event, 'if-none-match') === hot.etag) {
    setResponseStatus(event, 304)
    return ''
  }
  const encoding = chooseEncoding(getRequestHeader(event, 'accept-encoding'))
  if (!encoding) return hot.bytes
  setResponseHeader(event, 'content-encoding', encoding)
  return encodedBody(result, encoding, compressed)
}

async function send(event: H3Event, result: PageCacheResult, compressed: CompressedBodies): Promise<string | Buffer> {
  const { page, hot } = result
  if (hot && result.state !== 'UNCACHEABLE') return sendHot(event, result, hot, compressed)
  setResponseStatus(event, page.status)
  for (const [name, value] of Object.entries(page.headers)) {
    if (name === 'set-cookie') for (const cookie of [value].flat()) appendResponseHeader(event, 'set-cookie', cookie)
    else setResponseHeader(event, name, value)
  }
  setResponseHeader(event, 'x-cache', result.state)
  const location = page.headers.location
  if (page.status >= 300 && page.status < 400 && typeof location === 'string') {
    setResponseHeader(event, 'location', withRequestTracking(location, event.node.req.originalUrl ?? event.node.req.url ?? event.path))
  }
  if (result.state === 'UNCACHEABLE') {
    // A 404 or a redirect of a catalog address is not kept here, so no shared cache in front may keep it either.
    if (page.headers['cache-control'] === undefined) setResponseHeader(event, 'cache-control', UNCACHED_PAGE_CACHE_CONTROL)
    return page.body
  }

  for (const [name, value] of sharedCacheHeaders(page.headers)) setResponseHeader(event, name, value)
  setResponseHeader(event, 'age', result.ageS)
  setResponseHeader(event, 'vary', 'accept-encoding')
  if (!page.etag) return page.body
  // Weak etag: the same for every encoding of the page, as weak comparison allows.
  setResponseHeader(event, 'etag', page.etag)
  if (getRequestHeader(event, 'if-none-match') === page.etag) {
    setResponseStatus(event, 304)
    return ''
  }
  const encoding = chooseEncoding(getRequestHeader(event, 'accept-encoding'))
  if (!encoding) return page.body
  setResponseHeader(event, 'content-encoding', encoding)
  return encodedBody(result, encoding, compressed)
}

/**
 * Pages: anonymous catalog pages come from the shared cache (rendered on a miss, refreshed in the background
 * when stale); a signed-in shopper's pages and cart/checkout/account pages bypass it and are marked private.
 */
export default defineEventHandler(async (event) => {
  if (event.method !== 'GET' && event.method !== 'HEAD') return
  const pathname = event.path.split('?')[0] ?? '/'
  const context = event.context.pageCache
  if (!context || !isPagePath(pathname)) return
  if (getRequestHeader(event, RENDER_HEADER) === context.renderToken) return

  const kind = classifyPage(pathname)
  if (kind === 'private' || isSignedInRequest(getRequestHeader(event, 'cookie'), getRequestHeader(event, 'authorization'))) {
    setResponseHeader(event, 'cache-control', PRIVATE_CACHE_CONTROL)
    if (kind !== 'other') setResponseHeader(event, 'x-cache', 'BYPASS')
    return
  }
  if (kind !== 'shared') {
    // Search results and unknown paths: anonymous, but never in the page cache, so no CDN keeps them for its default
    // time either (a render that fails still sets its own, no-store).
    setResponseHeader(event, 'cache-control', UNCACHED_PAGE_CACHE_CONTROL)
    return
  }

  const result = await context.cache.get(normalizePageUrl(event.path), promise => event.waitUntil(promise))
  return send(event, result, context.compressed)
})
