import type { Driver, Storage } from 'unstorage'
import redisDriver from 'unstorage/drivers/redis'
import { boundedMemoryDriver } from './boundedMemoryDriver'

/** One entry per storage mount the server shares between requests (and, with Redis, between instances). */
interface MountSpec {
  base: string
  memory: { maxEntries: number, maxSize?: number }
}

/**
 * cache: rendered pages (server/utils/pageCache) and sitemap plans. auth / ratelimit: the auth BFF's
 * sessions and login throttles. Each gets its own key prefix in Redis.
 */
export const SHARED_MOUNTS: readonly MountSpec[] = [
  { base: 'cache', memory: { maxEntries: 5_000, maxSize: 128 * 1024 * 1024 } },
  { base: 'auth', memory: { maxEntries: 100_000 } },
  { base: 'ratelimit', memory: { maxEntries: 100_000 } },
]

export interface SharedStorageOptions {
  /** e.g. redis://127.0.0.1:6379/0; empty means process memory. */
  redisUrl?: string
  /** Redis key prefix, so several apps can share one Redis. */
  keyPrefix?: string
}

function driverFor(spec: MountSpec, options: SharedStorageOptions): Driver {
  if (!options.redisUrl) return boundedMemoryDriver(spec.memory)
  return redisDriver({
    url: options.redisUrl,
    base: `${options.keyPrefix ?? 'sf'}:${spec.base}`,
    // Fail fast: a cache that is down must cost a render, not a hung request.
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
  })
}

/** Mounts (or re-mounts) every shared base on `storage`; returns a function that disconnects them. */
export function mountSharedStorage(storage: Storage, options: SharedStorageOptions): () => Promise<void> {
  const mounted = new Set(storage.getMounts().map(mount => mount.base))
  for (const spec of SHARED_MOUNTS) {
    // Without disposal, unmount finishes synchronously, so the new mount can take the place at once.
    if (mounted.has(`${spec.base}:`)) void storage.unmount(spec.base, false)
    storage.mount(spec.base, driverFor(spec, options))
  }
  return async () => {
    await Promise.all(SHARED_MOUNTS.map(spec => storage.unmount(spec.base, true)))
  }
}
