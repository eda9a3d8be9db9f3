import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoApi, type RunningDemoApi } from '../mocks/testing/startDemoApi'
import { DEMO_USER_EMAIL, DEMO_USER_PASSWORD } from '../mocks/seed/constants'
import { startRedis, startStorefront, type Running, type RunningRedis, type RunningStorefront } from '../integration/server/support/processes'
import { CHAOS_ENV } from './support/stack'

// A sign-out while the backend's blacklist endpoint fails, on two built storefronts sharing one Redis (as behind a
// load balancer): the browser is signed out at once, a copy of its cookie is refused by either instance at once,
// and once the backend is back the token is blacklisted there exactly once, though both instances retry it
// (server/utils/auth/deferredRevocation.ts: claims with Redis SET NX). Needs `npm run build` first.

const BLACKLIST = 'POST /auth/token/blacklist/'
const SIGNED_IN = 'Account: Demo Shopper'

let api: RunningDemoApi
let productPath: string

beforeAll(async () => {
  api = await startDemoApi({ seedProducts: 10, faults: true })
  const list = await (await fetch(`${api.url}/products/?page_size=1`)).json() as { results: { id: number, slug: string }[] }
  productPath = `/products/${list.results[0]!.id}-${list.results[0]!.slug}`
})

afterAll(async () => {
  await api?.close()
})

/** Built storefronts for the tests of one describe block: `count` of them, on one Redis or each in its own memory. */
function useInstances(count: number, withRedis: boolean): () => RunningStorefront[] {
  let redis: RunningRedis | undefined
  let instances: RunningStorefront[] = []
  beforeAll(async () => {
    redis = withRedis ? await startRedis() : undefined
    // Retries at most every 100 ms instead of 10 s, so both instances retry within the test, each in its own window:
    // only the per-token claim keeps them from sending the token twice.
    const env = { ...CHAOS_ENV, NUXT_AUTH_REVOCATION_RETRY_MS: '100' }
    instances = await Promise.all(Array.from({ length: count }, () => startStorefront({ apiBase: api.url, siteUrl: 'http://127.0.0.1', redisUrl: redis?.url, env })))
  })
  afterAll(async () => {
    await Promise.all(instances.map(instance => instance.stop()))
    await redis?.stop()
    await control('/__faults/', 'DELETE')
  })
  return () => instances
}

function refreshCookieOf(response: Response): string | undefined {
  for (const line of response.headers.getSetCookie()) {
    const match = /^sf_refresh=([^;]*)/.exec(line)
    if (match) return match[1]
  }
  return undefined
}

function post(instance: Running, path: string, cookie?: string, body?: unknown): Promise<Response> {
  return fetch(instance.url + path, {
    method: 'POST',
    headers: {
      'origin': instance.url,
      'x-requested-with': 'storefront',
      ...(cookie ? { cookie: `sf_refresh=${cookie}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  })
}

async function signIn(instance: Running): Promise<string> {
  const response = await post(instance, '/api/auth/login', undefined, { email: DEMO_USER_EMAIL, password: DEMO_USER_PASSWORD })
  expect(response.status).toBe(200)
  return refreshCookieOf(response)!
}

async function view(instance: Running, cookie: string): Promise<Response> {
  return fetch(instance.url + productPath, { headers: { cookie: `sf_refresh=${cookie}` } })
}

async function control(path: string, method: string, body?: unknown): Promise<void> {
  const response = await fetch(`${api.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined })
  expect(response.ok).toBe(true)
}

/** Blacklist calls the backend took (not those the fault answered), since the stats were last cleared. */
async function blacklistings(): Promise<number> {
  const stats = await (await fetch(`${api.url}/__stats/`)).json() as { routes: Record<string, number>, faulted: Record<string, number> }
  return (stats.routes[BLACKLIST] ?? 0) - (stats.faulted[BLACKLIST] ?? 0)
}

// Without Redis (one instance, claims in its bounded memory) the same is shown on the BFF by
// tests/integration/auth/deferredSignOut.test.ts and the memory claim by tests/integration/server/storageClaim.test.ts;
// a built instance of its own here cost CI ~4 s for nothing those do not show.
describe.each([
  { setup: 'two instances sharing Redis', count: 2, withRedis: true },
])('signing out while the backend\'s blacklist fails, on $setup', ({ count, withRedis }) => {
  const started = useInstances(count, withRedis)

  it('signs out at once, refuses a copy on any instance, and blacklists the token once when the backend is back', async () => {
    const instances = started()
    const [one, two] = [instances[0]!, instances[count - 1]!]
    const cookie = await signIn(one)
    expect(await (await view(two, cookie)).text()).toContain(SIGNED_IN)
    await control('/__stats/', 'DELETE')
    await control('/__faults/', 'POST', { path_pattern: '/auth/token/blacklist/', status: 503 })

    const signOut = await post(one, '/api/auth/logout', cookie)
    expect(signOut.status).toBe(204)
    expect(refreshCookieOf(signOut)).toBe('')

    // A copy of the cookie, on the other instance: a page renders signed out and clears it; a refresh is refused.
    const copied = await view(two, cookie)
    expect(copied.status).toBe(200)
    expect(await copied.text()).not.toContain(SIGNED_IN)
    expect(refreshCookieOf(copied)).toBe('')
    expect((await post(two, '/api/auth/refresh', cookie)).status).toBe(401)

    // The refused copy's requests retried it in the background; they may still be at it when the backend is back.
    await control('/__faults/', 'DELETE')
    // Later requests through both instances at once (other shoppers signing in) each retry it in the background.
    // Those in the 100 ms window of the last failed retry leave it to the next window's (one retry per window across
    // instances): as in real traffic, the shoppers keep coming until one lands.
    await Promise.all([signIn(one), signIn(two), signIn(one), signIn(two)])
    await expect.poll(async () => {
      await Promise.all([signIn(one), signIn(two)])
      return blacklistings()
    }, { timeout: 10_000 }).toBeGreaterThan(0)
    const direct = await fetch(`${api.url}/auth/token/refresh/`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refresh: cookie }),
    })
    expect(direct.status).toBe(401)
    expect(await direct.json()).toMatchObject({ detail: 'Token is blacklisted' })

    // More requests through both find nothing left to send.
    await Promise.all([signIn(one), signIn(two)])
    await Promise.all([view(one, await signIn(one)), view(two, await signIn(two))])
    expect(await blacklistings()).toBe(1)
    for (const instance of instances) expect(instance.output()).not.toContain(cookie)
  })
})
