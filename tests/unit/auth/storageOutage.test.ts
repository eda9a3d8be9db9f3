import { describe, expect, it, vi } from 'vitest'
import { createStorage } from 'unstorage'
import { createEvent } from 'h3'
import { IncomingMessage, ServerResponse } from 'node:http'
import { Socket } from 'node:net'
import { answeringStorageOutage, guardedStorage, StorageUnavailableError } from '~/server/utils/auth/storageOutage'

function event() {
  const req = new IncomingMessage(new Socket())
  req.method = 'POST'
  req.url = '/api/auth/login'
  return createEvent(req, new ServerResponse(req))
}

describe('auth storage outage', () => {
  it('passes answers through, and turns a failed or hanging call into StorageUnavailableError', async () => {
    const storage = createStorage()
    await storage.setItem('a', 1)
    expect(await guardedStorage(storage).getItem('a')).toBe(1)

    storage.getItem = () => Promise.reject(new Error('ECONNREFUSED'))
    await expect(guardedStorage(storage).getItem('a')).rejects.toBeInstanceOf(StorageUnavailableError)
    // A key unstorage refuses is a bug of ours, not an outage.
    await expect(guardedStorage(createStorage()).getItem('a:../../etc')).rejects.toThrow('[unstorage]')

    vi.useFakeTimers()
    try {
      storage.setItem = () => new Promise<void>(() => {})
      const hanging = guardedStorage(storage, 1_000).setItem('a', 2).catch((error: unknown) => error)
      await vi.advanceTimersByTimeAsync(1_000)
      expect(await hanging).toBeInstanceOf(StorageUnavailableError)
    }
    finally {
      vi.useRealTimers()
    }
  })

  it('answers a route 503 with its sentence and Retry-After while storage is down; any other error stays an error', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const e = event()
    const route = answeringStorageOutage('Signing in is unavailable for a moment.', async () => {
      throw new StorageUnavailableError(new Error('down'))
    })
    expect(await route(e)).toEqual({ detail: 'Signing in is unavailable for a moment.', code: 'session_storage_unavailable' })
    expect(e.node.res.statusCode).toBe(503)
    expect(e.node.res.getHeader('retry-after')).toBe(30)
    expect(e.node.res.getHeader('cache-control')).toBe('no-store')

    const bug = answeringStorageOutage('x', async () => {
      throw new TypeError('a bug')
    })
    await expect(bug(event())).rejects.toThrow('a bug')
    vi.restoreAllMocks()
  })
})
