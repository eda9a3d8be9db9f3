import { describe, expect, it } from 'vitest'
import { createStorage } from 'unstorage'
import { boundedMemoryDriver } from '~/server/utils/storage/boundedMemoryDriver'

describe('bounded memory storage', () => {
  it('expires an item after its ttl, like Redis', async () => {
    let clock = 1_000
    const storage = createStorage({ driver: boundedMemoryDriver({ maxEntries: 10, now: () => clock }) })
    await storage.setItem('a', { n: 1 }, { ttl: 2 })
    await storage.setItem('b', 'kept')
    clock += 1_999
    expect(await storage.getItem('a')).toEqual({ n: 1 })
    clock += 2
    expect(await storage.getItem('a')).toBeNull()
    expect(await storage.getItem('b')).toBe('kept')
  })

  it('forgets the least recently used entries past its size', async () => {
    const storage = createStorage({ driver: boundedMemoryDriver({ maxEntries: 2 }) })
    await storage.setItem('a', 1)
    await storage.setItem('b', 2)
    await storage.getItem('a')
    await storage.setItem('c', 3)
    expect(await storage.getKeys()).toEqual(expect.arrayContaining(['a', 'c']))
    expect(await storage.hasItem('b')).toBe(false)
  })
})
