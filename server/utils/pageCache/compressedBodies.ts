import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { LRUCache } from 'lru-cache'

export type ContentEncoding = 'br' | 'gzip'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** The best encoding the request accepts that we make, or null for identity. `q=0` refuses one. */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding | null {
  if (!acceptEncoding) return null
  const accepted = new Set<string>()
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    const q = params.map(p => p.trim()).find(p => p.startsWith('q='))
    if (name && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(name)
  }
  if (accepted.has('br')) return 'br'
  if (accepted.has('gzip')) return 'gzip'
  return null
}

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
        // Brotli quality 5: close to gzip's speed, a smaller result; gzip at its default level.
        running = (encoding === 'br'
          ? brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
          : gzipAsync(body)
        ).finally(() => pending.delete(key))
        pending.set(key, running)
      }
      const compressed = await running
      cache.set(key, compressed)
      return compressed
    },
  }
}
