import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoApi, type RunningDemoApi } from '../../mocks/testing/startDemoApi'
import { DEMO_USER_EMAIL } from '../../mocks/seed/constants'
import { startRedis, startStorefront, type RunningRedis, type RunningStorefront } from '../server/support/processes'

// The BFF's limits on password reset (server/utils/auth/passwordResetThrottle.ts), through the /api proxy of two built
// storefronts sharing one Redis, as behind a load balancer: the demo backend has no throttles of its own, so without
// these every request is an email and every confirm a token tried. Needs `npm run build` first.

let api: RunningDemoApi
let redis: RunningRedis
let instances: RunningStorefront[] = []

beforeAll(async () => {
  // With its control endpoints: the outbox says how many emails went out.
  api = await startDemoApi({ seedProducts: 1, faults: true })
  redis = await startRedis()
  instances = await Promise.all([1, 2].map(() => startStorefront({ apiBase: api.url, siteUrl: 'http://127.0.0.1', redisUrl: redis.url })))
})

afterAll(async () => {
  await Promise.all(instances.map(instance => instance.stop()))
  await redis?.stop()
  await api?.close()
})

/** The n-th request goes to the n-th instance in turn, as a round-robin balancer sends them. */
function post(n: number, path: string, body: unknown): Promise<Response> {
  const instance = instances[n % instances.length]!
  return fetch(instance.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept': 'application/json' },
    body: JSON.stringify(body),
  })
}

async function emailsTo(address: string): Promise<number> {
  return (await (await fetch(`${api.url}/__outbox/?to=${encodeURIComponent(address)}`)).json() as unknown[]).length
}

function expectThrottled(response: Response, body: Record<string, unknown>): void {
  expect(response.status).toBe(429)
  const wait = Number(response.headers.get('retry-after'))
  expect(wait).toBeGreaterThan(0)
  expect(wait).toBeLessThanOrEqual(15 * 60)
  expect(response.headers.get('cache-control')).toBe('no-store')
  // DRF's shape, in words the reset forms show as they are.
  expect(body).toMatchObject({ code: 'throttled', detail: expect.stringMatching(/^Too many attempts\. Please wait \d+ (?:seconds|minutes) and try again\.$/) })
}

describe('asking for password-reset emails', () => {
  it('sends five to one email from one address in a quarter hour, across instances; then 429 with Retry-After, however the path is spelled', async () => {
    const statuses: number[] = []
    for (let n = 0; n < 6; n++) statuses.push((await post(n, '/api/auth/password/reset/', { email: ` ${DEMO_USER_EMAIL.toUpperCase()}` })).status)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    expect(await emailsTo(DEMO_USER_EMAIL)).toBe(5)

    const refused = await post(0, '/api/auth/password/reset/', { email: DEMO_USER_EMAIL })
    expectThrottled(refused, await refused.json() as Record<string, unknown>)
    for (const [n, path] of ['/api/auth//password/reset/', '/api/AUTH/Password/Reset', '/api/auth/password/reset%2F'].entries()) {
      expect((await post(n, path, { email: DEMO_USER_EMAIL })).status, path).toBe(429)
    }
    expect(await emailsTo(DEMO_USER_EMAIL)).toBe(5)

    // Another shopper behind the same address is not held back by this one's requests.
    expect((await post(1, '/api/auth/password/reset/', { email: 'someone.else@example.com' })).status).toBe(200)
  })

  it('keeps the counts in Redis without any email address in clear', async () => {
    const client = new Redis(redis.url)
    try {
      const keys = await client.keys('*')
      expect(keys.some(key => key.includes(':ratelimit:reset:account:'))).toBe(true)
      const values = await Promise.all(keys.map(key => client.get(key)))
      expect(`${keys.join('\n')}\n${values.join('\n')}`.toLowerCase()).not.toContain(DEMO_USER_EMAIL.split('@')[0]!.toLowerCase())
    }
    finally {
      client.disconnect()
    }
  })
})

describe('setting a new password with a reset link', () => {
  it('tries ten links from one address in a quarter hour, across instances; the eleventh is refused before the backend sees it', async () => {
    const statuses: number[] = []
    for (let n = 0; n < 11; n++) {
      statuses.push((await post(n, '/api/auth/password/reset/confirm/', { uid: 'MQ', token: `guess-${n}`, new_password: 'a-long-password-9' })).status)
    }
    expect(statuses).toEqual([...Array(10).fill(400), 429])
    const refused = await post(1, '/api/auth/password/reset/confirm', { uid: 'MQ', token: 'guess-12', new_password: 'a-long-password-9' })
    expectThrottled(refused, await refused.json() as Record<string, unknown>)
  })
})
