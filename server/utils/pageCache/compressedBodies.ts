import { LRUCache } from 'lru-cache'
import { compress, type ContentEncoding } from '../compression'

export interface CompressedBodies {
  /** The body compressed with `encoding`, made once per distinct body (`etag`) and kept while there is room. */
  get(etag: string, body: string, encoding: ContentEncoding): Promise<Buffer>
}

/**
 * Shared pages are served compressed: ~90 KiB of listing HTML is ~15 KiB on the wire. Each distinct body is
 * compressed once per encoding and kept, by its etag, in a bounded LRU; the stored page itself stays text, so
 * Redis entries and etags do not depend on what a browser accepts. Holds only what the shared cache holds.
 */
export function createCompressedBodies(maxBytes = 32 * 1024 * 1024): CompressedBodies {
  const cache = new LRUCache<string, Buffer>({ maxSize: maxBytes, sizeCalculation: buffer => Math.max(1, buffer.byteLength) })
  const pending = new Map<string, Promise<Buffer>>()
  return {
    async get(etag, body, encoding) {
      const key = `${encoding} ${etag}`
      const hit = cache.get(key)
      if (hit) return hit
      let running = pending.get(key)
      if (!running) {
        running = compress(body, encoding).finally(() => pending.delete(key))
        pending.set(key, running)
      }
      const compressed = await running
      cache.set(key, compressed)
      return compressed
    },
  }
}
