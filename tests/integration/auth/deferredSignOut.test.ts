import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createStorage } from 'unstorage'
import { SWEEP_EVERY_MS } from '~/server/utils/auth/deferredRevocation'
import { boundedMemoryDriver } from '~/server/utils/storage/boundedMemoryDriver'
import { createBackendBreaker, throughBreaker } from '~/server/utils/backend/breakerGate'
import { createBackendGateway, type BackendGateway } from '~/server/utils/backend/gateway'
import { createPublicReads } from '~/server/utils/backend/publicReads'
import type { AuthDeps } from '~/server/utils/auth/deps'
import { startDemoApi, type RunningDemoApi } from '../../mocks/testing/startDemoApi'
import { signedInClient, startTestBff, type TestBff } from './support/bffServer'

// A sign-out the backend could not hear of (breaker open, timeout, connection refused, 5xx): the browser is signed
// out at once, the BFF refuses a copy of the token at once, and the backend blacklists it, once, as soon as a later
// request through any instance finds it reachable (server/utils/auth/deferredRevocation.ts, docs/auth.md).

const BLACKLIST = 'POST /auth/token/blacklist/'

let api: RunningDemoApi
let bffs: TestBff[] = []

beforeAll(async () => {
  api = await startDemoApi({ seedProducts: 5, faults: true })
})
afterAll(async () => {
  await api.close()
})
beforeEach(() => {
  bffs = []
})
afterEach(async () => {
  vi.useRealTimers()
  await Promise.all(bffs.map(bff => bff.close()))
  await fetch(`${api.url}/__faults/`, { method: 'DELETE' })
})

async function startBff(overrides: Partial<AuthDeps> = {}, gateway?: BackendGateway): Promise<TestBff> {
  const bff = await startTestBff(api.url, overrides, gateway)
  bffs.push(bff)
  return bff
}

async function addFault(fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${api.url}/__faults/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) })
  expect(response.status).toBe(201)
}

async function backendIsBack(): Promise<void> {
  await fetch(`${api.url}/__faults/`, { method: 'DELETE' })
  await fetch(`${api.url}/__stats/`, { method: 'DELETE' })
}

async function blacklistCalls(): Promise<number> {
  const stats = await (await fetch(`${api.url}/__stats/`)).json() as { routes: Record<string, number> }
  return stats.routes[BLACKLIST] ?? 0
}

/** Whether the backend still takes the token: asked without using it up (a refresh would rotate it). */
function backendTakes(token: string): boolean {
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { jti: string }
  return !api.backend.db.blacklist.has(payload.jti)
}

/** The process's gateway with a breaker that opens at the first failure, and a short timeout. */
function makeGateway(): BackendGateway {
  return createBackendGateway({
    apiBase: api.url,
    timeoutMs: 300,
    breaker: createBackendBreaker({ failureThreshold: 1, cooldownMs: 60_000 }, () => {}),
    publicReads: createPublicReads({ ttlMs: 0 }),
    contributors: [],
    authDeps: () => ({}) as AuthDeps,
    sanitizeHtml: html => html,
  })
}

const OUTAGES: Array<{ name: string, fault: Record<string, unknown> }> = [
  { name: 'answers 503', fault: { path_pattern: '/auth/token/blacklist/', status: 503 } },
  { name: 'drops the connection', fault: { path_pattern: '/auth/token/blacklist/', body: 'reset' } },
  { name: 'answers an nginx 502 page', fault: { path_pattern: '/auth/token/blacklist/', status: 502, body: 'html' } },
]

describe('signing out while the backend cannot be reached', () => {
  it.each(OUTAGES)('when the backend $name: signed out at once, the token blacklisted once the backend is back', async ({ fault }) => {
    const bff = await startBff()
    const shopper = await signedInClient(bff.origin)
    const token = shopper.cookie!
    const copy = shopper.copy()
    const otherCopy = shopper.copy()
    await addFault(fault)

    const signOut = await shopper.post('/api/auth/logout')
    expect(signOut.status).toBe(204)
    expect(await signOut.text()).toBe('')
    expect(shopper.cookie).toBeUndefined()
    // A copy of the cookie is refused by the BFF at once, though the backend still takes the token.
    expect((await copy.post('/api/auth/refresh')).status).toBe(401)
    expect(await (await otherCopy.get('/api/auth/session')).json()).toEqual({ user: null })
    await bff.settled()
    expect(backendTakes(token)).toBe(true)

    await backendIsBack()
    bff.advance(SWEEP_EVERY_MS)
    // Any later request through the BFF: here someone else signing in.
    await signedInClient(bff.origin)
    await bff.settled()
    expect(backendTakes(token)).toBe(false)
    expect(await blacklistCalls()).toBe(1)

    // Done for good: later requests send nothing more.
    bff.advance(SWEEP_EVERY_MS)
    await signedInClient(bff.origin)
    await bff.settled()
    expect(await blacklistCalls()).toBe(1)
  })

  it('when the backend does not answer in time, or the breaker is open: signed out, blacklisted once the breaker closes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const gateway = makeGateway()
    const bff = await startBff({}, gateway)
    const first = await signedInClient(bff.origin)
    const second = await signedInClient(bff.origin)
    const tokens = [first.cookie!, second.cookie!]
    await addFault({ path_pattern: '/auth/token/blacklist/', latency_ms: 2_000, status: 503 })

    expect((await first.post('/api/auth/logout')).status).toBe(204)
    expect(first.cookie).toBeUndefined()
    // Then the rest of the shop finds the backend down and the breaker opens: the next sign-out makes no call at all.
    await throughBreaker(gateway.breaker, '/products/', async () => new Response('{}', { status: 502 }))
    expect(gateway.breaker.state).toBe('open')
    await fetch(`${api.url}/__stats/`, { method: 'DELETE' })
    expect((await second.post('/api/auth/logout')).status).toBe(204)
    expect(await blacklistCalls()).toBe(0)
    expect(second.cookie).toBeUndefined()
    await backendIsBack()
    expect(tokens.map(backendTakes)).toEqual([true, true])

    // Once the cool-down is over, the next sign-in goes through and the BFF sends both.
    vi.setSystemTime(Date.now() + 61_000)
    await signedInClient(bff.origin)
    await bff.settled()
    expect(tokens.map(backendTakes)).toEqual([false, false])
    expect(await blacklistCalls()).toBe(2)
  })

  it('blacklists the token once, however many instances sharing the storage retry it at the same moment', async () => {
    const sessions = createStorage()
    const [one, two] = [await startBff({ sessions }), await startBff({ sessions })]
    const shopper = await signedInClient(one.origin)
    const token = shopper.cookie!
    await addFault({ path_pattern: '/auth/token/blacklist/', status: 503 })
    expect((await shopper.post('/api/auth/logout')).status).toBe(204)

    await backendIsBack()
    // Two instances in different sweep windows (clocks a little apart), so each sweeps: the token's claim decides.
    one.advance(SWEEP_EVERY_MS)
    two.advance(2 * SWEEP_EVERY_MS)
    await Promise.all([signedInClient(one.origin), signedInClient(two.origin), signedInClient(one.origin), signedInClient(two.origin)])
    await Promise.all([one.settled(), two.settled()])
    expect(backendTakes(token)).toBe(false)
    expect(await blacklistCalls()).toBe(1)
  })

  it('keeps the token only under a hash, never in a log line, and only until the token expires', async () => {
    const warn = vi.spyOn(console, 'warn')
    const error = vi.spyOn(console, 'error')
    try {
      // As the built server keeps it without Redis: bounded memory that drops entries at their ttl.
      const started: { bff?: TestBff } = {}
      const sessions = createStorage({ driver: boundedMemoryDriver({ maxEntries: 1_000, now: () => started.bff?.deps.now() ?? Date.now() }) })
      const bff = started.bff = await startBff({ sessions })
      const shopper = await signedInClient(bff.origin)
      const token = shopper.cookie!
      const copy = shopper.copy()
      await addFault({ path_pattern: '/auth/token/blacklist/', status: 503 })
      expect((await shopper.post('/api/auth/logout')).status).toBe(204)
      await copy.post('/api/auth/refresh')
      await bff.settled()

      const keys = await sessions.getKeys()
      expect(keys.length).toBeGreaterThan(0)
      for (const key of keys) expect(key).not.toContain(token)
      const logged = [...warn.mock.calls, ...error.mock.calls].flat().map(String).join('\n')
      expect(logged).not.toContain(token)
      expect(logged).not.toContain(token.split('.')[2])

      const values = async () => JSON.stringify(await Promise.all(keys.map(key => sessions.getItem(key))))
      expect(await values()).toContain(token)
      // Past the token's own expiry (the demo's refresh tokens live a day) there is nothing left to revoke: not kept.
      bff.advance(25 * 3600 * 1000)
      expect(await values()).not.toContain(token)
    }
    finally {
      warn.mockRestore()
      error.mockRestore()
    }
  })
})
