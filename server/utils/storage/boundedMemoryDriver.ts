import { defineDriver } from 'unstorage'
import { LRUCache } from 'lru-cache'

export interface BoundedMemoryOptions {
  /** Least recently used entries go first past this count. */
  maxEntries: number
  /** Optional cap on the summed size of keys and values, in UTF-16 code units. */
  maxSize?: number
  /** Clock for expiry (ms); tests pass their own. */
  now?: () => number
}

/**
 * Process memory that cannot grow without bound and honours `setItem(..., { ttl })` in seconds, like the
 * Redis driver does: the same code behaves the same on one instance and on many.
 */
export const boundedMemoryDriver = defineDriver((options: BoundedMemoryOptions) => {
  const cache = new LRUCache<string, string>({
    max: options.maxEntries,
    // An injected clock is read on every access (no 1 ms memo), so expiry follows it exactly.
    ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
    ...(options.maxSize ? { maxSize: options.maxSize, sizeCalculation: (value: string, key: string) => Math.max(1, key.length + value.length) } : {}),
  })
  return {
    name: 'bounded-memory',
    options,
    getInstance: () => cache,
    hasItem: key => cache.has(key),
    getItem: key => cache.get(key) ?? null,
    setItem(key, value, transaction) {
      const ttlS = Number(transaction?.ttl)
      cache.set(key, String(value), ttlS > 0 ? { ttl: ttlS * 1000 } : undefined)
    },
    removeItem(key) {
      cache.delete(key)
    },
    getKeys: () => [...cache.keys()],
    clear() {
      cache.clear()
    },
    dispose() {
      cache.clear()
    },
  }
})
