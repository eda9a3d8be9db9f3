import type { Storage } from 'unstorage'

interface Envelope<T> {
  value: T
  expiresAt: number
}

/**
 * Key/value with expiry on any unstorage driver. Redis (and lru-cache) drop the key themselves through `ttl`;
 * the memory driver ignores `ttl`, so the expiry is also stored and checked on read.
 */
export interface ExpiringStore<T> {
  get(key: string): Promise<T | undefined>
  set(key: string, value: T, ttlMs: number): Promise<void>
  remove(key: string): Promise<void>
}

export function expiringStore<T>(storage: Storage, now: () => number = Date.now): ExpiringStore<T> {
  return {
    async get(key) {
      const envelope = await storage.getItem<Envelope<T>>(key)
      if (!envelope || typeof envelope !== 'object' || !('expiresAt' in envelope)) return undefined
      if (envelope.expiresAt <= now()) {
        await storage.removeItem(key)
        return undefined
      }
      return envelope.value
    },
    async set(key, value, ttlMs) {
      await storage.setItem<Envelope<T>>(key, { value, expiresAt: now() + ttlMs }, { ttl: Math.max(1, Math.ceil(ttlMs / 1000)) })
    },
    async remove(key) {
      await storage.removeItem(key)
    },
  }
}
