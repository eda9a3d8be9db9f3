import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoApi, type RunningDemoApi } from '../../mocks/testing/startDemoApi'
import { startRedis, startStorefront, type Running } from '../server/support/processes'

// Issue 4 / issue 9: per-request state only. Two shoppers' server renders interleave in one Nitro process (and
// across two processes sharing Redis); each page must show its own shopper and nobody else's.

interface Shopper {
  name: string
  email: string
  cookie: string
}

let api: RunningDemoApi
const started: Running[] = []

beforeAll(async () => {
  api = await startDemoApi({ seedProducts: 50, faults: false })
})
afterAll(async () => {
  await Promise.all(started.map(running => running.stop()))
  await api.close()
})

function refreshFrom(response: Response): string | undefined {
  for (const line of response.headers.getSetCookie()) {
    const match = /^sf_refresh=([^;]+)/.exec(line)
    if (match) return match[1]
  }
  return undefined
}

async function registerShopper(origin: string, first: string): Promise<Shopper> {
  const email = `${first.toLowerCase()}-${Date.now()}@example.com`
  const response = await fetch(`${origin}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'origin': origin, 'x-requested-with': 'storefront' },
    body: JSON.stringify({ email, password: 'a-long-password-9', first_name: first, last_name: 'Isolation' }),
  })
  expect(response.status).toBe(201)
  return { name: `${first} Isolation`, email, cookie: refreshFrom(response)! }
}

/** One server render of the profile page with the shopper's cookie; keeps a rotated cookie like a browser. */
async function renderProfile(origin: string, shopper: Shopper): Promise<string> {
  const response = await fetch(`${origin}/auth/profile`, { headers: { cookie: `sf_refresh=${shopper.cookie}` }, redirect: 'manual' })
  expect(response.status, `${shopper.email}: ${response.headers.get('location')}`).toBe(200)
  // Renders reuse the token the BFF holds for the cookie; a rotation happens only near its expiry.
  shopper.cookie = refreshFrom(response) ?? shopper.cookie
  return response.text()
}

function expectOnly(html: string, own: Shopper, other: Shopper): void {
  expect(html).toContain(`Account: ${own.name}`)
  expect(html).toContain(own.email)
  expect(html).not.toContain(other.email)
  expect(html).not.toContain(other.name)
  expect(html).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/)
}

async function interleave(origins: [string, string], rounds: number, perRound: number): Promise<number> {
  const ada = await registerShopper(origins[0], 'Ada')
  const bob = await registerShopper(origins[1], 'Bob')
  let renders = 0
  for (let round = 0; round < rounds; round++) {
    // Several renders per shopper at once, with the same cookie (tabs reloading together), on alternating instances.
    const jobs = Array.from({ length: perRound }, (_, i) => [
      renderProfile(origins[i % 2]!, ada).then(html => expectOnly(html, ada, bob)),
      renderProfile(origins[(i + 1) % 2]!, bob).then(html => expectOnly(html, bob, ada)),
    ]).flat()
    await Promise.all(jobs)
    renders += jobs.length
  }
  return renders
}

describe('concurrent server renders for two shoppers', () => {
  it('each see only their own data (one Nitro process)', async () => {
    const web = await startStorefront({ apiBase: api.url, siteUrl: 'http://127.0.0.1' })
    started.push(web)
    expect(await interleave([web.url, web.url], 15, 4)).toBe(120)
  })

  it('each see only their own data across two instances sharing Redis', async () => {
    const redis = await startRedis()
    started.push(redis)
    const one = await startStorefront({ apiBase: api.url, siteUrl: 'http://127.0.0.1', redisUrl: redis.url })
    const two = await startStorefront({ apiBase: api.url, siteUrl: 'http://127.0.0.1', redisUrl: redis.url })
    started.push(one, two)
    expect(await interleave([one.url, two.url], 10, 4)).toBe(80)
  })
})
