import { createHash } from 'node:crypto'
import type { Storage } from 'unstorage'
import { isPartialPage } from './policy'
import { createHotPages, type HotPage, type HotPages } from './hotPages'
import { withStorageTimeout } from '../storage/storageTimeout'
import { decodeStoredPage, encodeStoredPage } from './storedPageCodec'

/** A rendered page as the cache keeps and serves it. Header names are lower-case. */
export interface StoredPage {
  status: number
  headers: Record<string, string | string[]>
  body: string
  etag: string
  /** Epoch ms when it was rendered. */
  storedAt: number
}

/** What the renderer produced for an anonymous request. */
export interface RenderedPage {
  status: number
  headers: Record<string, string | string[]>
  body: string
}

/** HIT: fresh; STALE: served while re-rendering; STALE-IF-ERROR: the render failed; MISS: rendered now; UNCACHEABLE: rendered, not kept. */
export type CacheState = 'HIT' | 'STALE' | 'STALE-IF-ERROR' | 'MISS' | 'UNCACHEABLE'

export interface PageCacheResult {
  state: CacheState
  page: RenderedPage & { etag?: string }
  /** Seconds since the served copy was rendered. */
  ageS: number
  /** The served copy ready to send (every state but UNCACHEABLE). */
  hot?: HotPage
}

export interface PageCacheOptions {
  storage: Storage
  /** Renders `url` as an anonymous shopper would see it. */
  render: (url: string) => Promise<RenderedPage>
  now?: () => number
  maxAgeS?: number
  staleWhileRevalidateS?: number
  staleIfErrorS?: number
  /**
   * Freshness of a partial page (a 200 naming what it misses in `x-page-degraded`: filter counts, reviews): short,
   * so the complete page is back soon after the backend is, and its stale window is its only error window.
   */
  partialMaxAgeS?: number
  partialStaleWhileRevalidateS?: number
  /** A cache that does not answer in time is treated as a miss: the page still renders. */
  storageTimeoutMs?: number
  onError?: (message: string, error: unknown) => void
  /** This process's ready-to-send copies; made here unless given. */
  hotPages?: HotPages
}

export interface PageCache {
  /** Serves `url` from the cache or renders it; `waitUntil` keeps a background re-render alive. */
  get(url: string, waitUntil?: (promise: Promise<unknown>) => void): Promise<PageCacheResult>
}

// Per-shopper, per-connection or per-response headers are never stored with a shared page.
const UNSTORED_HEADERS = new Set([
  'set-cookie', 'cache-control', 'cdn-cache-control', 'age', 'date', 'etag', 'content-length', 'transfer-encoding', 'connection',
  'keep-alive', 'x-request-id', 'x-cache', 'vary',
])

interface Rendered {
  page: RenderedPage
  /** The shareable copy that was written, or null when the page may not be shared. */
  stored: StoredPage | null
}

function headerText(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(', ') : value ?? ''
}

/**
 * Only an anonymous 200 that sets no cookie and does not forbid caching may be shared. A page whose main content
 * failed is never a 200 (it answers 503/404/400 with no-store), so it can never get here.
 */
export function isShareable(page: RenderedPage): boolean {
  if (page.status !== 200) return false
  if (page.headers['set-cookie'] !== undefined) return false
  return !/(?:^|[\s,])(?:private|no-store|no-cache)(?:$|[\s,=])/i.test(headerText(page.headers['cache-control']))
}

export function cacheKeyFor(url: string): string {
  return `pages:${createHash('sha256').update(url).digest('hex').slice(0, 40)}`
}

function toStored(page: RenderedPage, storedAt: number): StoredPage {
  const headers: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(page.headers)) {
    if (!UNSTORED_HEADERS.has(name.toLowerCase())) headers[name.toLowerCase()] = value
  }
  const etag = `W/"${createHash('sha1').update(page.body).digest('base64url')}"`
  return { status: page.status, headers, body: page.body, etag, storedAt }
}

/**
 * A shared page cache with stale-while-revalidate and stale-if-error, on any unstorage driver (memory per
 * process, Redis across instances). Concurrent misses for one URL in this process share one render.
 */
export function createPageCache(options: PageCacheOptions): PageCache {
  const now = options.now ?? Date.now
  const maxAgeMs = (options.maxAgeS ?? 60) * 1000
  const swrMs = (options.staleWhileRevalidateS ?? 300) * 1000
  const staleIfErrorMs = (options.staleIfErrorS ?? 86_400) * 1000
  const partialMaxAgeMs = (options.partialMaxAgeS ?? 10) * 1000
  const partialSwrMs = (options.partialStaleWhileRevalidateS ?? 30) * 1000
  /** How long a copy is fresh, served stale while refreshed, and served when a render fails. */
  const windowsFor = (headers: Readonly<Record<string, string | string[]>>) => isPartialPage(headers)
    ? { fresh: partialMaxAgeMs, stale: partialMaxAgeMs + partialSwrMs, ifError: partialMaxAgeMs + partialSwrMs }
    : { fresh: maxAgeMs, stale: maxAgeMs + swrMs, ifError: maxAgeMs + staleIfErrorMs }
  const timeoutMs = options.storageTimeoutMs ?? 500
  const report = options.onError ?? ((message, error) => console.warn(`[page-cache] ${message}`, error))
  // Renders in flight in this process, so a burst of misses renders a page once. Lives as long as the cache.
  const inflight = new Map<string, Promise<Rendered>>()
  const hotPages = options.hotPages ?? createHotPages()

  // Read and written raw (storedPageCodec.ts): unstorage's getItem runs destr over a value, whose
  // prototype-pollution checks (two regexes over the whole ~90 KB page) were a third of a cache HIT's CPU time.
  async function read(key: string): Promise<StoredPage | null> {
    try {
      return decodeStoredPage(await withStorageTimeout(options.storage.getItemRaw(key), timeoutMs))
    }
    catch (error) {
      report('read failed; rendering instead', error)
      return null
    }
  }

  async function renderAndStore(url: string, key: string): Promise<Rendered> {
    const running = inflight.get(key)
    if (running) return running
    const task = (async (): Promise<Rendered> => {
      const page = await options.render(url)
      if (!isShareable(page)) {
        // A page that is gone (404/410) must not keep being served stale from an older copy.
        if (page.status >= 400 && page.status < 500) {
          hotPages.delete(url)
          await withStorageTimeout(options.storage.removeItem(key), timeoutMs).catch(error => report('remove failed', error))
        }
        return { page, stored: null }
      }
      const stored = toStored(page, now())
      // The entry outlives its freshness so it can still be served stale, or when rendering fails.
      const windows = windowsFor(stored.headers)
      const ttl = Math.ceil(Math.max(windows.stale, windows.ifError) / 1000)
      await withStorageTimeout(options.storage.setItemRaw(key, encodeStoredPage(stored), { ttl }), timeoutMs)
        .catch(error => report('write failed', error))
      return { page, stored }
    })()
    inflight.set(key, task)
    try {
      return await task
    }
    finally {
      inflight.delete(key)
    }
  }

  function fromStore(state: CacheState, stored: StoredPage, url: string): PageCacheResult {
    return fromHot(state, hotPages.put(url, stored))
  }

  function fromHot(state: CacheState, hot: HotPage): PageCacheResult {
    const { status, body, etag } = hot
    return { state, page: { status, headers: hot.headerRecord, body, etag }, ageS: Math.max(0, Math.floor((now() - hot.storedAt) / 1000)), hot }
  }

  return {
    async get(url, waitUntil) {
      // A fresh copy this process already holds is served without reading the storage.
      const hot = hotPages.get(url)
      if (hot && now() - hot.storedAt < windowsFor(hot.headerRecord).fresh) return fromHot('HIT', hot)
      const key = cacheKeyFor(url)
      const stored = await read(key)
      const age = stored ? now() - stored.storedAt : Number.POSITIVE_INFINITY
      const windows = stored ? windowsFor(stored.headers) : null
      if (stored && windows && age < windows.fresh) return fromStore('HIT', stored, url)
      if (stored && windows && age < windows.stale) {
        const refresh = renderAndStore(url, key).catch(error => report(`background render of ${url} failed`, error))
        waitUntil?.(refresh)
        return fromStore('STALE', stored, url)
      }
      try {
        const rendered = await renderAndStore(url, key)
        if (rendered.page.status >= 500 && stored && windows && age < windows.ifError) return fromStore('STALE-IF-ERROR', stored, url)
        return rendered.stored ? fromStore('MISS', rendered.stored, url) : { state: 'UNCACHEABLE', page: rendered.page, ageS: 0 }
      }
      catch (error) {
        if (stored && windows && age < windows.ifError) {
          report(`render of ${url} failed; serving the stale copy`, error)
          return fromStore('STALE-IF-ERROR', stored, url)
        }
        throw error
      }
    },
  }
}
