import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoApi, type RunningDemoApi } from '../../mocks/testing/startDemoApi'
import { startStorefront, type Running } from '../server/support/processes'
import { usableUntil } from '~/server/utils/auth/renderSessionCache'
import { DEFAULT_ACCESS_TTL_S } from '../../mocks/seed/constants'
import { DEMO } from './support/bffServer'

// Issue 20 through the built server: a signed-in shopper's page views reuse the access token the BFF keeps for
// their refresh cookie. The demo backend's /__stats/ counts what reached it. Needs `npm run build` first.

const REFRESH = 'POST /auth/token/refresh/'
const ME = 'GET /auth/me/'

let api: RunningDemoApi
let web: Running
let productPath: string
/**
 * How far the demo backend's clock is behind the real one. The built server's clock cannot move, but the
 * backend's can: a token it issues "in the past" is, to the storefront, one whose time is up, with no waiting.
 */
let backendBehindMs = 0

/** A demo backend and a built storefront in front of it, for the tests of one describe block. */
function useStack(): void {
  beforeAll(async () => {
    api = await startDemoApi({ seedProducts: 30, faults: true, now: () => Date.now() - backendBehindMs })
    web = await startStorefront({ apiBase: api.url, siteUrl: 'http://127.0.0.1' })
    const list = await (await fetch(`${api.url}/products/?page_size=1`)).json() as { results: { id: number, slug: string }[] }
    productPath = `/products/${list.results[0]!.id}-${list.results[0]!.slug}`
  })
  afterAll(async () => {
    await web?.stop()
    await api?.close()
  })
}

async function takeStats(): Promise<Record<string, number>> {
  const stats = await (await fetch(`${api.url}/__stats/`)).json() as { routes: Record<string, number> }
  await fetch(`${api.url}/__stats/`, { method: 'DELETE' })
  return stats.routes
}

function refreshCookieOf(response: Response): string | undefined {
  for (const line of response.headers.getSetCookie()) {
    const match = /^sf_refresh=([^;]*)/.exec(line)
    if (match) return match[1]
  }
  return undefined
}

async function signIn(): Promise<{ cookie: string, access: string }> {
  const response = await fetch(`${web.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'origin': web.url, 'x-requested-with': 'storefront' },
    body: JSON.stringify(DEMO),
  })
  expect(response.status).toBe(200)
  const { access } = await response.json() as { access: string }
  return { cookie: refreshCookieOf(response)!, access }
}

/** One page view with the cookie; returns the HTML and the rotated cookie, if the response set one. */
async function view(cookie: string): Promise<{ html: string, rotated: string | undefined }> {
  const response = await fetch(web.url + productPath, { headers: { cookie: `sf_refresh=${cookie}` } })
  expect(response.status).toBe(200)
  return { html: await response.text(), rotated: refreshCookieOf(response) }
}

describe('signed-in page views through the built server', () => {
  useStack()

  it('three product page views cost no rotation and no /auth/me/ at the backend', async () => {
    const { cookie } = await signIn()
    await takeStats()
    for (let i = 0; i < 3; i++) {
      const { html, rotated } = await view(cookie)
      expect(html).toContain('Account: Demo Shopper')
      expect(html).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/)
      expect(rotated).toBeUndefined()
    }
    const stats = await takeStats()
    expect(stats[REFRESH]).toBeUndefined()
    expect(stats[ME]).toBeUndefined()
    expect(stats['GET /products/{id}/']).toBe(3)
  })

  it('renders signed out after sign-out, even with the old cookie', async () => {
    const { cookie } = await signIn()
    await view(cookie)
    const logout = await fetch(`${web.url}/api/auth/logout`, {
      method: 'POST',
      headers: { 'cookie': `sf_refresh=${cookie}`, 'origin': web.url, 'x-requested-with': 'storefront' },
    })
    expect(logout.status).toBe(204)
    expect((await view(cookie)).html).not.toContain('Account: Demo Shopper')
  })
})

describe('signed-in page views when the access token expires', () => {
  useStack()

  it('rotates once when the access token has expired mid-session, and the shopper stays signed in', async () => {
    // Signed in "4.5 minutes ago" by the backend's clock: a 5-minute access token, past the time renders may use
    // it (a fifth of its life before its expiry) by the server's clock, though the backend would still take it.
    backendBehindMs = DEFAULT_ACCESS_TTL_S * 1000 * 0.9
    const { cookie, access } = await signIn()
    backendBehindMs = 0
    expect(usableUntil(access)).toBeLessThan(Date.now())
    await takeStats()

    const after = await view(cookie)
    expect(after.html).toContain('Account: Demo Shopper')
    expect(after.rotated).toBeDefined()
    const again = await view(after.rotated!)
    expect(again.rotated).toBeUndefined()
    expect(again.html).toContain('Account: Demo Shopper')
    const stats = await takeStats()
    expect(stats[REFRESH]).toBe(1)
    expect(stats[ME]).toBeUndefined()
  })
})
