import { EventEmitter } from 'node:events'
import type { Driver } from 'unstorage'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { waitingForFirstConnection } from '~/server/utils/storage/firstConnection'

/** An ioredis client as the driver sees it: refuses commands until ready, as without the offline queue. */
class FakeClient extends EventEmitter {
  status = 'connecting'
  get(key: string): Promise<string> {
    return this.status === 'ready' ? Promise.resolve(`value of ${key}`) : Promise.reject(new Error('Stream isn\'t writeable'))
  }

  become(status: 'ready' | 'end', event: string, error?: Error): void {
    this.status = status
    this.emit(event, error)
  }
}

function driverOn(client: FakeClient): Driver {
  return { name: 'redis', getItem: key => client.get(key), hasItem: async key => Boolean(await client.get(key)), getKeys: () => [], getInstance: () => client }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('waitingForFirstConnection', () => {
  it('holds calls made while the first connection is being made until it is ready', async () => {
    const client = new FakeClient()
    const driver = waitingForFirstConnection(driverOn(client), client, 2_000)
    const read = driver.getItem('a')
    client.become('ready', 'ready')
    await expect(read).resolves.toBe('value of a')
    expect(driver.getInstance?.()).toBe(client)
  })

  it('fails calls at once once the first attempt failed: a Redis down at start is an outage, not a wait', async () => {
    const client = new FakeClient()
    client.on('error', () => {})
    const driver = waitingForFirstConnection(driverOn(client), client, 2_000)
    const during = driver.getItem('a')
    client.become('end', 'error', new Error('connect ECONNREFUSED'))
    await expect(during).rejects.toThrow('Stream isn\'t writeable')
    await expect(driver.getItem('b')).rejects.toThrow('Stream isn\'t writeable')
  })

  it('waits no longer than its bound for a Redis that accepts the connection and never answers', async () => {
    vi.useFakeTimers()
    const client = new FakeClient()
    const driver = waitingForFirstConnection(driverOn(client), client, 2_000)
    const read = driver.getItem('a')
    const settled = expect(read).rejects.toThrow('Stream isn\'t writeable')
    await vi.advanceTimersByTimeAsync(2_000)
    await settled
  })
})
