import type { CompressedBodies } from './compressedBodies'
import type { PageCache } from './pageCache'

/** What the page-cache plugin hands every request, for server/middleware/pageCache.ts. */
export interface PageCacheContext {
  cache: PageCache
  /** Value of RENDER_HEADER on the cache's own render requests. */
  renderToken: string
  /** Compressed copies of shared pages, per encoding. */
  compressed: CompressedBodies
}

declare module 'h3' {
  interface H3EventContext {
    pageCache?: PageCacheContext
  }
}
