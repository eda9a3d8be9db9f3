import { LRUCache } from 'lru-cache'
import type { ContentEncoding } from '../compression'
import type { StoredPage } from './pageCache'

/**
 * A shared page made ready to send: the body already UTF-8 encoded (a listing's HTML holds non-Latin-1 characters,
 * so Node would otherwise encode ~90 KB on every HIT), the headers as a list, and each compressed form once made.
 * Holds exactly what the shared cache holds: pages rendered for nobody in particular.
 */
export interface HotPage {
  storedAt: number
  status: number
  etag: string
  headers: readonly (readonly [string, string | string[]])[]
  /** The same headers as stored. */
  headerRecord: Readonly<Record<string, string | string[]>>
  /** The stored text (what compression starts from and what tests read). */
  body: string
  bytes: Buffer
  encoded: Partial<Record<ContentEncoding, Buffer>>
  /** The headers it is sent with, worked out on its first send (server/middleware/02.pageCache.ts). */
  sendHeaders?: readonly (readonly [string, string | string[]])[]
}

export interface HotPages {
  /** This process's ready copy of `url`, if it has one. */
  get(url: string): HotPage | undefined
  /** Makes (or reuses) the ready copy of a stored page. */
  put(url: string, stored: StoredPage): HotPage
  /** The page is gone (a 4xx render): forget this process's copy too. */
  delete(url: string): void
}

/**
 * One per process, in front of the shared cache storage: while a copy is fresh, a HIT reads neither the storage
 * (memory or Redis) nor the stored format, and sends bytes prepared once. Bounded by size; least recently used go.
 */
export function createHotPages(maxBytes = 64 * 1024 * 1024): HotPages {
  const pages = new LRUCache<string, HotPage>({
    maxSize: maxBytes,
    // The text, its bytes and whatever compressed copies it gets later (those are small next to it).
    sizeCalculation: page => Math.max(1, page.body.length * 2 + page.bytes.byteLength),
  })
  return {
    get: url => pages.get(url),
    delete: (url) => {
      pages.delete(url)
    },
    put(url, stored) {
      const current = pages.get(url)
      if (current && current.storedAt === stored.storedAt && current.etag === stored.etag) return current
      const page: HotPage = {
        storedAt: stored.storedAt,
        status: stored.status,
        etag: stored.etag,
        headers: Object.entries(stored.headers),
        headerRecord: stored.headers,
        body: stored.body,
        bytes: Buffer.from(stored.body, 'utf8'),
        encoded: {},
      }
      pages.set(url, page)
      return page
    },
  }
}
