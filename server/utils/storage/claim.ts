import type { Redis } from 'ioredis'
import { LRUCache } from 'lru-cache'
import type { Storage } from 'unstorage'

/**
 * Takes `key` for `ttlMs` unless someone holds it already: true for exactly one caller, whichever instance it runs
 * on, until the claim expires. unstorage has no set-if-absent (a get then a set lets two instances both win), so
 * this goes to the driver under the mount: Redis's `SET NX PX` (one atomic command), or in process memory a check
 * and a set with no await in between.
 */
export type Claim = (key: string, ttlMs: number) => Promise<boolean>

function claimInLru(cache: LRUCache<string, string>, key: string, ttlMs: number): boolean {
  if (cache.has(key)) return false
  cache.set(key, '1', { ttl: ttlMs })
  return true
}

/** unstorage's plain memory driver (tests): a Map without expiry, so the claim carries its own. */
function claimInMap(map: Map<string, unknown>, key: string, ttlMs: number): boolean {
  const held = Number(map.get(key))
  if (held > Date.now()) return false
  map.set(key, String(Date.now() + ttlMs))
  return true
}

/** Claims on the storage mount at `base` of `storage` (the root storage, e.g. useStorage(), and 'auth'). */
export function storageClaim(storage: Storage, base = ''): Claim {
  return async (key, ttlMs) => {
    const fullKey = base ? `${base}:${key}` : key
    const mount = storage.getMount(fullKey)
    const { driver } = mount
    const relativeKey = fullKey.slice(mount.base.length)
    const instance: unknown = driver.getInstance?.()
    if (driver.name === 'redis') {
      // The driver's own key layout (unstorage/drivers/redis: `<base>:<key>`), so the claim sits beside its entries.
      const prefix = String((driver.options as { base?: string } | undefined)?.base ?? '').replace(/:$/, '')
      const answer = await (instance as Redis).set(prefix ? `${prefix}:${relativeKey}` : relativeKey, '1', 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')
      return answer === 'OK'
    }
    if (instance instanceof LRUCache) return claimInLru(instance as LRUCache<string, string>, relativeKey, ttlMs)
    if (instance instanceof Map) return claimInMap(instance as Map<string, unknown>, relativeKey, ttlMs)
    throw new Error(`storage driver ${driver.name ?? 'unknown'} cannot claim a key atomically`)
  }
}
