import { LRUCache } from 'lru-cache'

/**
 * Backend reads that every render repeats and whose answer cannot depend on who asks: the category tree and the
 * facets of the unfiltered catalogue. Exact paths with no query: a filtered facet list or a search stays per request.
 */
export const PUBLIC_READ_PATHS: readonly string[] = ['/categories/', '/products/facets/']

interface SharedAnswer {
  status: number
  contentType: string
  body: string
}

export interface PublicReads {
  /** True when `method` + `path` (backend path and query) may be answered from the shared copy. */
  covers(method: string, path: string): boolean
  /**
   * The shared answer, loading it with `load` when there is none (concurrent callers share one load). `load` must
   * send the call anonymously: no Authorization, no cookie-derived header. Only a 200 JSON answer is kept; anything
   * else is handed to the callers of that load and forgotten.
   */
  get(path: string, load: () => Promise<Response>): Promise<Response>
}

function toResponse(answer: SharedAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: { 'content-type': answer.contentType } })
}

/**
 * One per server process. Holds only anonymous public data, for `ttlMs` (NUXT_SHARED_READS_TTL_S); 0 turns it off.
 * A render that reads from it makes no backend call for that read.
 */
export function createPublicReads(options: { ttlMs: number, paths?: readonly string[], maxEntries?: number, now?: () => number }): PublicReads {
  const paths = new Set(options.paths ?? PUBLIC_READ_PATHS)
  const cache = new LRUCache<string, SharedAnswer>({
    max: options.maxEntries ?? 32,
    ttl: Math.max(1, options.ttlMs),
    // An injected clock (tests) is read on every access.
    ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
  })
  const loading = new Map<string, Promise<SharedAnswer>>()

  async function loadOnce(path: string, load: () => Promise<Response>): Promise<SharedAnswer> {
    const response = await load()
    const answer = { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() }
    if (answer.status === 200 && /\bjson\b/i.test(answer.contentType)) cache.set(path, answer)
    return answer
  }

  return {
    covers: (method, path) => options.ttlMs > 0 && method.toUpperCase() === 'GET' && paths.has(path),
    async get(path, load) {
      const cached = cache.get(path)
      if (cached) return toResponse(cached)
      let running = loading.get(path)
      if (!running) {
        running = loadOnce(path, load).finally(() => loading.delete(path))
        loading.set(path, running)
      }
      return toResponse(await running)
    },
  }
}
