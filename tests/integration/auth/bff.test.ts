import { describe, expect, it } from 'vitest'
import { CookieClient, DEMO, signedInClient } from './support/bffServer'
import { useBffStack } from './support/bffStack'

const stack = useBffStack({ seedProducts: 50 })

describe('login', () => {
  it('returns the access token and the user, and keeps the refresh token in an httpOnly cookie only', async () => {
    const bff = await stack.startBff()
    const response = await fetch(`${bff.origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'origin': bff.origin, 'x-requested-with': 'storefront' },
      body: JSON.stringify(DEMO),
    })
    const body = await response.json() as Record<string, unknown>
    expect(response.status).toBe(200)
    expect(Object.keys(body).sort()).toEqual(['access', 'user'])
    expect(body.user).toMatchObject({ email: 'demo@example.com', first_name: 'Demo' })
    const [cookie] = response.headers.getSetCookie()
    expect(cookie).toMatch(/^sf_refresh=[\w-]+\.[\w-]+\.[\w-]+;/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).toMatch(/Path=\//)
    expect(cookie).toMatch(/Max-Age=\d+/)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('sets Secure on the cookie when configured for production', async () => {
    const bff = await stack.startBff({ cookie: { secure: true } })
    const client = new CookieClient(bff.origin)
    const response = await client.post('/api/auth/login', DEMO)
    expect(response.headers.getSetCookie()[0]).toMatch(/Secure/i)
  })

  it('passes the backend message for a wrong password on, and sets no cookie', async () => {
    const bff = await stack.startBff()
    const client = new CookieClient(bff.origin)
    const response = await client.post('/api/auth/login', { ...DEMO, password: 'wrong-password' })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ detail: 'No active account found with the given credentials' })
    expect(client.cookie).toBeUndefined()
  })

  it('refuses the 11th rapid attempt with 429, Retry-After and a message, per address and account', async () => {
    const bff = await stack.startBff()
    const client = new CookieClient(bff.origin)
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await client.post('/api/auth/login', { ...DEMO, password: `wrong-${i}` })).status)
    expect(statuses).toEqual([...Array(10).fill(401), 429])
    const refused = await client.post('/api/auth/login', DEMO)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await refused.json()).toMatchObject({ code: 'throttled', detail: expect.stringMatching(/Too many attempts\. Please wait \d+ seconds/) })
    // Another account from the same address is not locked out by someone else's typos.
    expect((await client.post('/api/auth/login', { email: 'someone@example.com', password: 'x' })).status).toBe(401)
    // The window passes.
    bff.advance(61_000)
    expect((await client.post('/api/auth/login', DEMO)).status).toBe(200)
  })

  it('does not count successful sign-ins against the limit', async () => {
    const bff = await stack.startBff()
    for (let i = 0; i < 12; i++) expect((await new CookieClient(bff.origin).post('/api/auth/login', DEMO)).status).toBe(200)
  })
})

describe('CSRF', () => {
  it.each([
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['Origin null', { origin: 'null' }],
    ['no storefront header', { 'x-requested-with': '' }],
    ['a cross-site fetch without Origin', { 'origin': '', 'sec-fetch-site': 'cross-site' }],
    ['neither Origin nor Sec-Fetch-Site', { origin: '' }],
  ])('refuses %s with 403', async (_name, headers) => {
    const bff = await stack.startBff()
    const client = await signedInClient(bff.origin)
    for (const path of ['/api/auth/login', '/api/auth/register', '/api/auth/refresh', '/api/auth/logout', '/api/auth/logout-all']) {
      const clean = Object.fromEntries(Object.entries({ 'origin': bff.origin, 'x-requested-with': 'storefront', ...headers }).filter(([, v]) => v !== ''))
      const response = await fetch(bff.origin + path, {
        method: 'POST',
        headers: { ...clean, 'content-type': 'application/json', 'cookie': `sf_refresh=${client.cookie}` },
        body: JSON.stringify(DEMO),
      })
      expect(response.status, path).toBe(403)
      expect(await response.json()).toMatchObject({ code: 'csrf_failed', detail: expect.any(String) })
    }
    // Nothing happened: the session still works.
    expect((await client.post('/api/auth/refresh')).status).toBe(200)
  })

  it('accepts Sec-Fetch-Site same-origin when a browser sends no Origin', async () => {
    const bff = await stack.startBff()
    const client = await signedInClient(bff.origin)
    expect((await client.post('/api/auth/refresh', undefined, { 'origin': '', 'sec-fetch-site': 'same-origin' })).status).toBe(200)
  })
})
