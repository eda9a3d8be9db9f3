import type { PageCache } from './pageCache'

/** What the page-cache plugin hands every request, for server/middleware/pageCache.ts. */
export interface PageCacheContext {
  cache: PageCache
  /** Value of RENDER_HEADER on the cache's own render requests. */
  renderToken: string
}

declare module 'h3' {
  interface H3EventContext {
    pageCache?: PageCacheContext
  }
}
