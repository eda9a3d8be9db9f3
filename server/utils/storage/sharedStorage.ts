import type { Driver, Storage } from 'unstorage'
import redisDriver from 'unstorage/drivers/redis'
import { boundedMemoryDriver } from './boundedMemoryDriver'
import { waitingForFirstConnection, type ConnectingClient } from './firstConnection'

/** How long a connection to Redis may take; the first requests of an instance wait for it at most this long. */
const CONNECT_TIMEOUT_MS = 2_000

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

/** Says once when a mount's Redis goes away and once when it is back, instead of ioredis's line per reconnect try. */
function reportOutages(base: string, client: { on(event: string, listener: (error?: Error) => void): unknown }): void {
  let down = false
  client.on('error', (error) => {
    if (down) return
    down = true
    console.warn(`[storage] ${base}: redis unreachable (${error?.message ?? 'error'}); serving without it until it is back`)
  })
  client.on('ready', () => {
    if (!down) return
    down = false
    console.warn(`[storage] ${base}: redis is back`)
  })
}

function driverFor(spec: MountSpec, options: SharedStorageOptions): Driver {
  if (!options.redisUrl) return boundedMemoryDriver(spec.memory)
  const driver = redisDriver({
    url: options.redisUrl,
    base: `${options.keyPrefix ?? 'sf'}:${spec.base}`,
    // Fail fast: a cache that is down must cost a render, not a hung request. Without the offline queue a command
    // fails at once while the connection is down (instead of waiting for reconnect attempts: up to ~2 s per page
    // with Redis gone), and ioredis keeps reconnecting in the background. Connected at start, so the first requests
    // do not find it still connecting; the calls they make while it is still being made wait for it
    // (firstConnection.ts), since the server listens before it is up.
    maxRetriesPerRequest: 1,
    connectTimeout: CONNECT_TIMEOUT_MS,
    enableOfflineQueue: false,
    preConnect: true,
  })
  const client = driver.getInstance?.() as (Parameters<typeof reportOutages>[1] & ConnectingClient) | undefined
  if (!client) return driver
  reportOutages(spec.base, client)
  return waitingForFirstConnection(driver, client, CONNECT_TIMEOUT_MS)
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
