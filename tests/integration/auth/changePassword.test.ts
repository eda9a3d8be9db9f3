import { $fetch } from 'ofetch'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CookieClient, type TestBff } from './support/bffServer'
import { useBffStack } from './support/bffStack'

// POST /api/auth/password: the backend's set_password blacklists every refresh token of the user; the BFF signs
// this browser in again with the new password, so only the other devices are signed out (docs/auth.md).

const stack = useBffStack({ seedProducts: 20 })
let bff: TestBff
let sequence = 0

const OLD = 'Old-passphrase-41x'
const NEW = 'New-passphrase-93k'
const addFault = (fault: Record<string, unknown>) => $fetch(`${stack.api.url}/__faults/`, { method: 'POST', body: fault })

beforeEach(async () => {
  bff = await stack.startBff()
})

/** A fresh account, signed in through the BFF: its cookie jar and the access token the browser keeps in memory. */
async function shopper(): Promise<{ client: CookieClient, email: string, access: string }> {
  sequence += 1
  const email = `change-${Date.now()}-${sequence}@example.com`
  const client = new CookieClient(bff.origin)
  const registered = await client.post('/api/auth/register', { email, password: OLD, first_name: 'Pat', last_name: 'Word' })
  expect(registered.status).toBe(201)
  return { client, email, access: ((await registered.json()) as { access: string }).access }
}

const change = (client: CookieClient, access: string, body: Record<string, unknown>) =>
  client.post('/api/auth/password', body, { authorization: `Bearer ${access}` })

describe('changing the password through the BFF', () => {
  let logged: ReturnType<typeof vi.spyOn>[] = []
  beforeEach(() => {
    logged = (['log', 'info', 'warn', 'error', 'debug'] as const).map(level => vi.spyOn(console, level))
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('keeps this browser signed in on a rotated cookie; the old cookie and every other device are refused; nothing logged holds a secret', async () => {
    const { client, email, access } = await shopper()
    const oldCookie = client.cookie as string
    const otherDevice = new CookieClient(bff.origin)
    expect((await otherDevice.post('/api/auth/login', { email, password: OLD })).status).toBe(200)
    const copy = client.copy()

    const response = await change(client, access, { current_password: OLD, new_password: NEW })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const body = await response.json() as { access: string, user: { email: string } }
    expect(Object.keys(body).sort()).toEqual(['access', 'user'])
    expect(body.user.email).toBe(email)
    expect(JSON.stringify(body)).not.toContain(client.cookie)
    const [setCookie] = response.headers.getSetCookie()
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(client.cookie).toBeDefined()
    expect(client.cookie).not.toBe(oldCookie)

    // The old refresh token (a copy of the cookie) and the other device's are over; this browser's new one works.
    expect((await copy.post('/api/auth/refresh')).status).toBe(401)
    expect((await otherDevice.post('/api/auth/refresh')).status).toBe(401)
    expect((await client.post('/api/auth/refresh')).status).toBe(200)
    // The new access token is a real one, and the password is the new one.
    const me = await fetch(`${stack.api.url}/auth/me/`, { headers: { authorization: `Bearer ${body.access}` } })
    expect(me.status).toBe(200)
    expect((await new CookieClient(bff.origin).post('/api/auth/login', { email, password: OLD })).status).toBe(401)
    expect((await new CookieClient(bff.origin).post('/api/auth/login', { email, password: NEW })).status).toBe(200)

    await bff.settled()
    const lines = logged.flatMap(spy => spy.mock.calls).flat().map(value => (typeof value === 'string' ? value : JSON.stringify(value))).join('\n')
    for (const secret of [OLD, NEW, oldCookie, client.cookie as string, body.access]) expect(lines).not.toContain(secret)
  })

  it('passes a wrong current password and the validators\' messages on as field errors, and changes nothing', async () => {
    const { client, access } = await shopper()
    const cookie = client.cookie
    const wrong = await change(client, access, { current_password: 'Not-it-at-all-1', new_password: NEW })
    expect([wrong.status, await wrong.json()]).toEqual([400, { current_password: ['Invalid password.'] }])
    const weak = await change(client, access, { current_password: OLD, new_password: '1234' })
    expect(weak.status).toBe(400)
    expect(Object.keys(await weak.json() as object)).toEqual(['new_password'])
    expect(client.cookie).toBe(cookie)
    expect((await client.post('/api/auth/refresh')).status).toBe(200)
  })

  it('answers 401 without a session or with a refused token, and 403 to a cross-site request', async () => {
    const { client, email, access } = await shopper()
    const noCookie = await new CookieClient(bff.origin).post('/api/auth/password', { current_password: OLD, new_password: NEW }, { authorization: `Bearer ${access}` })
    expect(noCookie.status).toBe(401)
    expect((await change(client, 'not.a.token', { current_password: OLD, new_password: NEW })).status).toBe(401)
    const crossSite = await client.post('/api/auth/password', { current_password: OLD, new_password: NEW }, { 'authorization': `Bearer ${access}`, 'origin': 'https://evil.example' })
    expect(crossSite.status).toBe(403)
    expect((await new CookieClient(bff.origin).post('/api/auth/login', { email, password: OLD })).status).toBe(200)
  })

  it('passes the backend\'s throttle on with its Retry-After and keeps the session', async () => {
    const { client, access } = await shopper()
    const cookie = client.cookie
    await addFault({ path_pattern: '/auth/users/set_password/', method: 'POST', status: 429, retry_after: 40 })
    const response = await change(client, access, { current_password: OLD, new_password: NEW })
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('40')
    expect(client.cookie).toBe(cookie)
    expect((await client.post('/api/auth/refresh')).status).toBe(200)
  })

  it('says the password was changed when signing in again fails, and clears the spent cookie', async () => {
    const { client, access } = await shopper()
    await addFault({ path_pattern: '/auth/token/', method: 'POST', status: 429, retry_after: 30 })
    const response = await change(client, access, { current_password: OLD, new_password: NEW })
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('30')
    expect(await response.json()).toEqual({
      code: 'password_changed',
      detail: 'Your password has been changed, but we could not keep you signed in. Please wait 30 seconds, then sign in with your new password.',
    })
    expect(client.cookie).toBeUndefined()
  })
})
