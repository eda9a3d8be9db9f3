import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '~/composables/core/api/ApiError'
import { createSession, REFRESH_LOCK, type LockManagerLike } from '~/composables/core/api/session'

/** An in-memory Web Locks stand-in: callbacks under one name run one after another, in request order. */
function createLocks(): LockManagerLike & { names: string[] } {
  const tails = new Map<string, Promise<unknown>>()
  const names: string[] = []
  return {
    names,
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      names.push(name)
      const run = (tails.get(name) ?? Promise.resolve()).then(callback)
      tails.set(name, run.catch(() => undefined))
      return run
    },
  }
}

/**
 * The browser's cookie jar shared by every tab, and a BFF with refresh-token rotation: each refresh needs the
 * current cookie, takes 100 ms, rotates the cookie, and rejects a cookie that was already used (blacklisted).
 */
function createRotatingBackend() {
  const jar = { refresh: 'r1' }
  let issued = 0
  return {
    jar,
    refreshAccessToken: async (): Promise<string> => {
      const presented = jar.refresh
      await new Promise(resolve => setTimeout(resolve, 100))
      if (presented !== jar.refresh) {
        throw new ApiError({ status: 401, code: 'token_not_valid', message: 'Token is blacklisted', fieldErrors: {}, retryable: false })
      }
      issued++
      jar.refresh = `r${issued + 1}`
      return `access-${issued}`
    },
  }
}

describe('session: two tabs', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('without a lock, two tabs refreshing together sign one of them out (the hazard the lock prevents)', async () => {
    const backend = createRotatingBackend()
    const tabs = [createSession({ ...backend, locks: null }), createSession({ ...backend, locks: null })]
    const both = Promise.all(tabs.map(tab => tab.refresh()))
    await vi.runAllTimersAsync()
    expect(await both).toEqual(['access-1', null])
  })

  it('with the Web Lock, both tabs refresh in turn and nobody is signed out', async () => {
    const backend = createRotatingBackend()
    const locks = createLocks()
    const tabs = [createSession({ ...backend, locks }), createSession({ ...backend, locks })]
    const signedOut = vi.fn()
    tabs.forEach(tab => tab.onSignedOut(signedOut))

    const both = Promise.all(tabs.map(tab => tab.refresh()))
    await vi.runAllTimersAsync()

    expect(await both).toEqual(['access-1', 'access-2'])
    expect(signedOut).not.toHaveBeenCalled()
    expect(locks.names).toEqual([REFRESH_LOCK, REFRESH_LOCK])
    expect(backend.jar.refresh).toBe('r3')
  })

  it('uses navigator.locks by default when the browser has it', async () => {
    const locks = createLocks()
    vi.stubGlobal('navigator', { locks })
    const session = createSession({ refreshAccessToken: () => Promise.resolve('t') })
    await expect(session.refresh()).resolves.toBe('t')
    expect(locks.names).toEqual([REFRESH_LOCK])
  })
})

describe('session: holder', () => {
  it('shares one refresh between concurrent callers and runs a new one afterwards', async () => {
    let calls = 0
    const session = createSession({ refreshAccessToken: () => Promise.resolve(`t${++calls}`), locks: null })
    const [a, b] = await Promise.all([session.refresh(), session.refresh()])
    expect([a, b, calls]).toEqual(['t1', 't1', 1])
    await expect(session.refresh()).resolves.toBe('t2')
  })

  it('tells listeners about an explicit sign-out, and stops telling an unsubscribed one', () => {
    const session = createSession({ refreshAccessToken: () => Promise.resolve('t'), locks: null })
    const kept = vi.fn()
    const dropped = vi.fn()
    session.onSignedOut(kept)
    const unsubscribe = session.onSignedOut(dropped)
    unsubscribe()
    session.setAccessToken('t')
    session.signOut()
    expect(kept).toHaveBeenCalledWith('signed_out')
    expect(dropped).not.toHaveBeenCalled()
    expect([session.getAccessToken(), session.getStatus()]).toEqual([null, 'signed_out'])
  })

  it('keeps the token out of anything serializable', () => {
    const session = createSession({ refreshAccessToken: () => Promise.resolve('t'), locks: null })
    session.setAccessToken('secret-access-token')
    expect(JSON.stringify(session)).not.toContain('secret-access-token')
    expect(Object.values(session).some(v => v === 'secret-access-token')).toBe(false)
  })
})
