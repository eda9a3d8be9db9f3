import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStorage, type Storage } from 'unstorage'
import { storageClaim, type Claim } from '~/server/utils/storage/claim'
import { mountSharedStorage } from '~/server/utils/storage/sharedStorage'
import { startRedis, type RunningRedis } from './support/processes'

// The claim behind "one instance acts on a deferred sign-out" (server/utils/auth/deferredRevocation.ts): on the
// shared storage as the server mounts it, two instances (two storages, two Redis connections) racing for one key
// get one winner, and the claim lapses at its ttl.

let redis: RunningRedis
const unmounts: Array<() => Promise<void>> = []

beforeAll(async () => {
  redis = await startRedis()
})
afterAll(async () => {
  await Promise.all(unmounts.map(unmount => unmount()))
  await redis?.stop()
})

/** One server instance's root storage, mounted as server/plugins/storage.ts does, once it is connected. */
async function instance(redisUrl: string): Promise<Storage> {
  const storage = createStorage()
  unmounts.push(mountSharedStorage(storage, { redisUrl, keyPrefix: 'claim-test' }))
  const client = storage.getMount('auth:').driver.getInstance?.() as { status?: string, once(event: 'ready', listener: () => void): void } | undefined
  // No offline queue (sharedStorage.ts): a command before the connection is up fails at once.
  if (redisUrl && client?.status !== 'ready') await new Promise<void>(resolve => client?.once('ready', resolve))
  return storage
}

describe('claims on the shared storage', () => {
  it('on Redis: one winner among instances racing for the same key, beside the mount\'s own entries', async () => {
    const instances = await Promise.all([instance(redis.url), instance(redis.url), instance(redis.url)])
    const claims = instances.map(storage => storageClaim(storage, 'auth'))
    const won = await Promise.all(Array.from({ length: 30 }, (_, i) => claims[i % claims.length]!('revoking-claim:abc', 5_000)))
    expect(won.filter(Boolean)).toHaveLength(1)
    // In the auth mount's own key space, where its entries are.
    expect(await instances[1]!.getKeys('auth:revoking-claim')).toEqual(['auth:revoking-claim:abc'])
    // Another key is another claim.
    expect(await claims[2]!('revoking-claim:def', 5_000)).toBe(true)
  })

  it('on Redis: a claim lapses at its ttl, so a crashed instance\'s claim is taken over', async () => {
    const [one, two] = (await Promise.all([instance(redis.url), instance(redis.url)])).map(storage => storageClaim(storage, 'auth')) as [Claim, Claim]
    expect(await one('revoking-claim:short', 1)).toBe(true)
    await expect.poll(() => two('revoking-claim:short', 5_000)).toBe(true)
  })

  it('in bounded memory (one instance): one winner among concurrent requests', async () => {
    const claim = storageClaim(await instance(''), 'auth')
    const won = await Promise.all(Array.from({ length: 30 }, () => claim('revoking-claim:abc', 5_000)))
    expect(won.filter(Boolean)).toHaveLength(1)
  })
})
