import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { freePort } from '../../bench/lib/ports'
import { startRedis, type RunningRedis } from '../integration/server/support/processes'
import { ACCOUNT_PATH, PRODUCTS_PATH } from '~/utils/routes/paths'
import { searchPath } from '~/utils/routes/searchPaths'
import { LEAKED_INTERNALS } from './support/htmlAudit'
import { Shopper, type Answer } from './support/shoppers'
import { startChaosStack, type ChaosStack } from './support/stack'
import { recordCounts } from './support/tally'

// Issue 19, Redis down at start and in the middle of a run (page cache, sessions, rate limits): pages are still
// served in bounded time, signing in degrades to a 503 with a sentence (never a 500), and once Redis is back the
// cache and the sessions work again and nothing half-written is served. One storefront, one Redis port, in order:
// nothing listening at start, Redis started, Redis hanging (paused: connections open, no answers), Redis back.

let stack: ChaosStack
let redisPort: number
let redis: RunningRedis | null = null
const counts = { requests: 0, '5xx other than sign-in 503': 0, 'slowest page ms': 0 }
const PASSWORD = 'a-long-password-9'

beforeAll(async () => {
  redisPort = await freePort()
  stack = await startChaosStack({ seedProducts: 60, redisUrl: `redis://127.0.0.1:${redisPort}` })
})

afterAll(async () => {
  recordCounts('redis-outage', counts)
  await redis?.stop()
  await stack?.stop()
})

async function page(shopper: Shopper, path: string): Promise<Answer> {
  const answer = await shopper.send(path)
  counts.requests += 1
  counts["slowest page ms"] = Math.max(counts['slowest page ms'], Math.round(answer.ms))
  if (answer.status >= 500) counts['5xx other than sign-in 503'] += 1
  return answer
}

/** Public pages and a search: served, complete, in bounded time, whatever Redis does. */
async function expectPagesServed(shopper: Shopper, tag: string): Promise<void> {
  for (const path of [`/?${tag}`, `${PRODUCTS_PATH}?${tag}`, PRODUCTS_PATH, searchPath('mug')]) {
    const answer = await page(shopper, path)
    expect(answer.status, `${tag} ${path}`).toBe(200)
    expect(answer.text).toMatch(/<\/html>\s*$/)
    // A Redis call is given 500 ms (page cache) or 1 s (sessions) before it counts as a miss.
    expect(answer.ms, `${tag} ${path}`).toBeLessThan(4_000)
  }
}

async function signIn(shopper: Shopper, email: string): Promise<Answer> {
  const answer = await shopper.send('/api/auth/login', { method: 'POST', body: { email, password: PASSWORD }, accept: 'application/json' })
  counts.requests += 1
  return answer
}

function expectSignInDeclined(answer: Answer): void {
  expect(answer.status).toBe(503)
  expect(answer.headers.get('retry-after')).toBe('30')
  expect(answer.headers.get('cache-control')).toBe('no-store')
  expect(JSON.parse(answer.text)).toMatchObject({ detail: 'Signing in is unavailable for a moment. Please try again in a minute.' })
  expect(answer.text).not.toMatch(LEAKED_INTERNALS)
}

describe('Redis down at start and in the middle of a run', () => {
  it('serves pages throughout, declines sign-in with a sentence while it is gone, and works again once it is back', async () => {
    const visitor = new Shopper(stack.web.url, 'visitor')
    const ada = new Shopper(stack.web.url, 'ada')
    const email = `ada-${Date.now()}@example.com`
    // The account exists at the backend; signing in is what needs the BFF's storage.
    expect((await fetch(`${stack.api.url}/auth/register/`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD, first_name: 'Ada', last_name: 'Outage' }),
    })).status).toBe(201)

    // 1. Nothing listening at start.
    await expectPagesServed(visitor, 'down-at-start')
    expectSignInDeclined(await signIn(ada, email))

    // 2. Redis comes up: ioredis reconnects in the background; sign-in and the shared cache work.
    redis = await startRedis({ port: redisPort })
    await vi.waitFor(async () => expect((await signIn(ada, email)).status).toBe(200), { timeout: 15_000, interval: 250 })
    expect((await page(ada, ACCOUNT_PATH)).text).toContain('Ada Outage')
    const miss = await page(visitor, `${PRODUCTS_PATH}?redis=up`)
    expect(miss.headers.get('x-cache')).toBe('MISS')
    const hit = await page(visitor, `${PRODUCTS_PATH}?redis=up`)
    expect(hit.headers.get('x-cache')).toBe('HIT')

    // 3. Redis hangs: connections open, no answers. Every call is bounded, so pages still come.
    redis.pause()
    try {
      await expectPagesServed(visitor, 'hanging')
      expectSignInDeclined(await signIn(new Shopper(stack.web.url, 'other'), email))
      // The signed-in page cannot read the session (each call gives up after 1 s): Ada is sent to sign in, which
      // then says it is unavailable for a moment; never a 500 or a hang, and her session is not thrown away.
      const account = await page(ada, ACCOUNT_PATH)
      expect([302, 503], `account while Redis hangs: ${account.status}`).toContain(account.status)
      expect(account.text).not.toMatch(LEAKED_INTERNALS)
      expect(ada.cookies.has('sf_refresh')).toBe(true)
    }
    finally {
      redis.resume()
    }

    // 4. Back, with its data: Ada is still signed in, the cache serves whole pages again.
    await vi.waitFor(async () => expect((await page(ada, ACCOUNT_PATH)).text).toContain('Ada Outage'), { timeout: 15_000, interval: 250 })
    await expectPagesServed(visitor, 'back')
    const cached = await page(visitor, `${PRODUCTS_PATH}?redis=up`)
    expect(cached.headers.get('x-cache')).toMatch(/HIT|STALE/)
    expect(cached.text).toBe(hit.text)
    expect(counts['5xx other than sign-in 503']).toBe(0)
  })
})
