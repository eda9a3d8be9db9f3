import { describe, expect, it } from 'vitest'
import { CookieClient, signedInClient } from './support/bffServer'
import { useBffStack } from './support/bffStack'

const stack = useBffStack({ seedProducts: 50 })

describe('refresh', () => {
  it('rotates the cookie and returns a new access token', async () => {
    const bff = await stack.startBff()
    const client = await signedInClient(bff.origin)
    const before = client.cookie
    const response = await client.post('/api/auth/refresh')
    expect(response.status).toBe(200)
    const body = await response.json() as Record<string, unknown>
    expect(Object.keys(body)).toEqual(['access'])
    expect(client.cookie).toBeDefined()
    expect(client.cookie).not.toBe(before)
    const me = await fetch(`${stack.api.url}/auth/me/`, { headers: { authorization: `Bearer ${String(body.access)}` } })
    expect(me.status).toBe(200)
  })

  it('answers 401 token_not_valid without a cookie', async () => {
    const bff = await stack.startBff()
    const response = await new CookieClient(bff.origin).post('/api/auth/refresh')
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ code: 'token_not_valid' })
  })

  it('gives concurrent requests with the same cookie the same rotated pair (two tabs reloading)', async () => {
    const bff = await stack.startBff()
    const client = await signedInClient(bff.origin)
    const tabs = Array.from({ length: 6 }, () => client.copy())
    const responses = await Promise.all(tabs.map(tab => tab.post('/api/auth/refresh')))
    expect(responses.map(r => r.status)).toEqual(Array(6).fill(200))
    const tokens = new Set(await Promise.all(responses.map(async r => ((await r.json()) as { access: string }).access)))
    expect(tokens.size).toBe(1)
    expect(new Set(tabs.map(tab => tab.cookie)).size).toBe(1)
    // And the one session goes on from there.
    expect((await tabs[0]!.post('/api/auth/refresh')).status).toBe(200)
  })

  it('keeps no usable token in the shared storage while a rotated pair waits for concurrent requests', async () => {
    const bff = await stack.startBff()
    const client = await signedInClient(bff.origin)
    const late = client.copy()
    expect((await client.post('/api/auth/refresh')).status).toBe(200)
    // What a Redis dump or a replica would hold: every key and value the BFF stored.
    const keys = await bff.deps.sessions.getKeys()
    expect(keys.some(key => key.startsWith('rotated:'))).toBe(true)
    const stored = JSON.stringify(await Promise.all(keys.map(async key => [key, await bff.deps.sessions.getItem(key)])))
    expect(stored).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/)
    // The request still holding the old cookie opens the kept pair: the same session, not a sign-out.
    expect((await late.post('/api/auth/refresh')).status).toBe(200)
    expect(late.cookie).toBe(client.cookie)
  })

  it('ends the session cleanly when a spent refresh cookie is used again after the grace period', async () => {
    const bff = await stack.startBff()
    const client = await signedInClient(bff.origin)
    const stale = client.copy()
    expect((await client.post('/api/auth/refresh')).status).toBe(200)
    bff.advance(21_000)
    const reused = await stale.post('/api/auth/refresh')
    expect(reused.status).toBe(401)
    expect(await reused.json()).toMatchObject({ code: 'token_not_valid' })
    expect(reused.headers.getSetCookie().join()).toMatch(/sf_refresh=;.*Max-Age=0/i)
    expect(stale.cookie).toBeUndefined()
  })

  it('refuses a forged cookie at once instead of waiting for a concurrent rotation', async () => {
    // A wait longer than the test timeout: this only passes if an unknown token skips the grace wait.
    const bff = await stack.startBff({ rotation: { graceMs: 20_000, waitMs: 600_000, pollMs: 10 } })
    const forged = new CookieClient(bff.origin)
    forged.cookie = 'eyJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCJ9.forged'
    const response = await forged.post('/api/auth/refresh')
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ code: 'token_not_valid' })
    expect(forged.cookie).toBeUndefined()
  })

  it('ends the session when the token was rotated elsewhere (reuse detected by the backend)', async () => {
    const bff = await stack.startBff()
    const client = await signedInClient(bff.origin)
    // Someone else spends the same refresh token straight at the backend.
    const direct = await fetch(`${stack.api.url}/auth/token/refresh/`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refresh: client.cookie }),
    })
    expect(direct.status).toBe(200)
    const response = await client.post('/api/auth/refresh')
    expect(response.status).toBe(401)
    expect(client.cookie).toBeUndefined()
  })

  it('keeps the cookie when the backend is down, so an outage signs nobody out', async () => {
    const bff = await stack.startBff()
    const client = await signedInClient(bff.origin)
    const cookie = client.cookie
    await fetch(`${stack.api.url}/__faults/`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path_pattern: '/auth/token/refresh/', status: 503, count: 1 }),
    })
    const response = await client.post('/api/auth/refresh')
    expect(response.status).toBe(503)
    expect(client.cookie).toBe(cookie)
    expect((await client.post('/api/auth/refresh')).status).toBe(200)
  })
})

describe('logout', () => {
  it('blacklists the refresh token and clears the cookie', async () => {
    const bff = await stack.startBff()
    const client = await signedInClient(bff.origin)
    const token = client.cookie
    const response = await client.post('/api/auth/logout')
    expect(response.status).toBe(204)
    expect(client.cookie).toBeUndefined()
    const direct = await fetch(`${stack.api.url}/auth/token/refresh/`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refresh: token }),
    })
    expect(direct.status).toBe(401)
  })

  it('signs out every other storefront session of the same user', async () => {
    const bff = await stack.startBff()
    const laptop = await signedInClient(bff.origin)
    const phone = await signedInClient(bff.origin)
    expect((await phone.post('/api/auth/refresh')).status).toBe(200)
    bff.advance(1)
    expect((await laptop.post('/api/auth/logout-all')).status).toBe(204)
    expect(laptop.cookie).toBeUndefined()
    const refused = await phone.post('/api/auth/refresh')
    expect(refused.status).toBe(401)
    expect(await refused.json()).toMatchObject({ code: 'token_not_valid', detail: expect.stringMatching(/all devices/) })
    expect(phone.cookie).toBeUndefined()
    // A new sign-in afterwards is a new session.
    bff.advance(1)
    const again = await signedInClient(bff.origin)
    expect((await again.post('/api/auth/refresh')).status).toBe(200)
  })
})

describe('session', () => {
  it('tells a browser who is signed in but never hands it the access token', async () => {
    const bff = await stack.startBff()
    const client = await signedInClient(bff.origin)
    const response = await client.get('/api/auth/session')
    const body = await response.json() as Record<string, unknown>
    expect(body).toEqual({ user: expect.objectContaining({ email: 'demo@example.com' }) })
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('answers user null without a session', async () => {
    const bff = await stack.startBff()
    expect(await (await new CookieClient(bff.origin).get('/api/auth/session')).json()).toEqual({ user: null })
  })
})

describe('register', () => {
  it('passes DRF field errors through with their status', async () => {
    const bff = await stack.startBff()
    const response = await new CookieClient(bff.origin).post('/api/auth/register', { email: 'demo@example.com', password: 'x', first_name: 'A' })
    expect(response.status).toBe(400)
    const body = await response.json() as Record<string, string[]>
    expect(body.email?.[0]).toMatch(/already exists/)
    expect(body.password?.length).toBeGreaterThan(0)
  })

  it('creates the account and signs in', async () => {
    const bff = await stack.startBff()
    const client = new CookieClient(bff.origin)
    const email = `new-${Date.now()}@example.com`
    const response = await client.post('/api/auth/register', { email, password: 'a-long-password-9', first_name: 'Ada', last_name: 'L' })
    expect(response.status).toBe(201)
    expect(await response.json()).toMatchObject({ access: expect.any(String), user: { email, first_name: 'Ada' } })
    expect(client.cookie).toBeDefined()
  })

  it('limits registrations per address', async () => {
    const bff = await stack.startBff()
    const client = new CookieClient(bff.origin)
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await client.post('/api/auth/register', { email: 'bad', password: 'x' })).status)
    expect(statuses).toEqual([...Array(10).fill(400), 429])
  })
})
