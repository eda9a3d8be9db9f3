import { afterEach, describe, expect, it } from 'vitest'
import { createStorage } from 'unstorage'
import { usableUntil } from '~/server/utils/auth/renderSessionCache'
import { CookieClient, DEMO, signedInClient } from './support/bffServer'
import { startRenderSessionStack, type RenderSessionStack } from './support/renderSessionServer'

// Issue 20: a signed-in page view reuses the access token the BFF holds for its refresh cookie. Rotation happens
// near the token's expiry only, /auth/me/ is asked only when no recent user is known, and sign-out, profile
// changes and "sign out everywhere" take effect. The backend's own request counts (/__stats/) are the evidence.

const REFRESH = 'POST /auth/token/refresh/'
const ME = 'GET /auth/me/'

interface RenderAnswer {
  ok: boolean
  user: { email: string, first_name: string } | null
  access?: string
}

let stack: RenderSessionStack | undefined

afterEach(async () => {
  await stack?.close()
  stack = undefined
})

/** What a server render of one page gets; the client keeps a rotated cookie like a browser would. */
async function render(client: CookieClient): Promise<RenderAnswer> {
  const response = await client.get('/render')
  expect(response.status).toBe(200)
  return await response.json() as RenderAnswer
}

describe('signed-in server renders', () => {
  it('cost no rotation and no /auth/me/ while the token is usable, starting with the first page after sign-in', async () => {
    stack = await startRenderSessionStack()
    const client = await signedInClient(stack.origin)
    const cookie = client.cookie
    await stack.takeStats()

    const views = [await render(client), await render(client), await render(client)]
    for (const view of views) expect(view).toMatchObject({ ok: true, user: { email: DEMO.email } })
    expect(new Set(views.map(view => view.access)).size).toBe(1)
    expect(client.cookie).toBe(cookie)
    const stats = await stack.takeStats()
    expect(stats[REFRESH]).toBeUndefined()
    expect(stats[ME]).toBeUndefined()

    // The token handed to the render is one the backend accepts.
    const me = await fetch(`${stack.apiBase}/auth/me/`, { headers: { authorization: `Bearer ${views[0]!.access}` } })
    expect(me.status).toBe(200)
  })

  it('rotates once near the token expiry, carries the user over, and stays signed in', async () => {
    stack = await startRenderSessionStack({ accessTtlS: 60 })
    const client = await signedInClient(stack.origin)
    const first = await render(client)
    await stack.takeStats()

    // 60 s tokens are handed out until 12 s (a fifth) before they expire.
    stack.advance(usableUntil(first.access!) - stack.deps.now() + 1)
    const cookie = client.cookie
    const rotated = await render(client)
    expect(rotated).toMatchObject({ ok: true, user: { email: DEMO.email } })
    expect(rotated.access).not.toBe(first.access)
    expect(client.cookie).not.toBe(cookie)
    expect(await stack.takeStats()).toEqual({ [REFRESH]: 1 })

    expect((await render(client)).access).toBe(rotated.access)
    expect(await stack.takeStats()).toEqual({})
  })

  it('rotates once for several tabs rendering with the same cookie at its expiry, and none is signed out', async () => {
    stack = await startRenderSessionStack({ accessTtlS: 60 })
    const client = await signedInClient(stack.origin)
    stack.advance(usableUntil((await render(client)).access!) - stack.deps.now() + 1)
    await stack.takeStats()

    const tabs = [client.copy(), client.copy(), client.copy()]
    const answers = await Promise.all(tabs.map(render))
    for (const answer of answers) expect(answer).toMatchObject({ ok: true, user: { email: DEMO.email } })
    expect(new Set(tabs.map(t => t.cookie)).size).toBe(1)
    expect(tabs[0]!.cookie).not.toBe(client.cookie)
    // Concurrent requests may each ask; one rotation wins and the others take its pair (rotation.ts grace window).
    const stats = await stack.takeStats()
    expect(stats[ME]).toBeUndefined()
    expect(stats[REFRESH]).toBeGreaterThanOrEqual(1)
  })

  it('asks /auth/me/ once after a profile change, keeping the token', async () => {
    stack = await startRenderSessionStack()
    const client = await signedInClient(stack.origin)
    const before = await render(client)
    const patch = await fetch(`${stack.origin}/api/auth/me/`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'authorization': `Bearer ${before.access}`, 'cookie': `sf_refresh=${client.cookie}` },
      body: JSON.stringify({ first_name: 'Renamed' }),
    })
    expect(patch.status).toBe(200)
    await stack.takeStats()

    expect(await render(client)).toMatchObject({ user: { first_name: 'Renamed' }, access: before.access })
    expect(await render(client)).toMatchObject({ user: { first_name: 'Renamed' } })
    expect(await stack.takeStats()).toEqual({ [ME]: 1 })
  })

  it('forgets the cached token at sign-out: the old cookie renders signed out', async () => {
    stack = await startRenderSessionStack()
    const client = await signedInClient(stack.origin)
    await render(client)
    const stolen = client.copy()
    expect((await client.post('/api/auth/logout')).status).toBe(204)
    expect(client.cookie).toBeUndefined()
    expect(await render(stolen)).toEqual({ ok: true, user: null })
  })

  it('ends the cached session at once when the sign-out could not reach the backend, even if the cache kept it', async () => {
    const sessions = createStorage()
    // The cache entry survives the sign-out (its removal fails): the deferred sign-out alone must stop its use.
    const removeItem = sessions.removeItem.bind(sessions)
    sessions.removeItem = (key: string) => key.startsWith('render:') ? Promise.reject(new Error('timeout')) : removeItem(key)
    stack = await startRenderSessionStack({ sessions })
    const client = await signedInClient(stack.origin)
    expect((await render(client)).user).not.toBeNull()
    const stolen = client.copy()
    const fault = await fetch(`${stack.apiBase}/__faults/`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path_pattern: '/auth/token/blacklist/', status: 503 }),
    })
    expect(fault.status).toBe(201)
    expect((await client.post('/api/auth/logout')).status).toBe(204)
    await stack.takeStats()

    expect(await render(stolen)).toEqual({ ok: true, user: null })
    expect(stolen.cookie).toBeUndefined()
    expect((await stack.takeStats())[REFRESH]).toBeUndefined()
  })

  it('honours "sign out everywhere" for a session whose token is still cached', async () => {
    stack = await startRenderSessionStack()
    const laptop = await signedInClient(stack.origin)
    const phone = await signedInClient(stack.origin)
    expect((await render(phone)).user).not.toBeNull()
    stack.advance(1_000)
    expect((await laptop.post('/api/auth/logout-all')).status).toBe(204)
    expect(await render(phone)).toEqual({ ok: true, user: null })
  })

  it('keeps the cached value unreadable without the cookie: hashed key, sealed value', async () => {
    const sessions = createStorage()
    stack = await startRenderSessionStack({ sessions })
    const client = await signedInClient(stack.origin)
    const { access } = await render(client)
    const keys = (await sessions.getKeys()).filter(key => key.startsWith('render:'))
    expect(keys).toHaveLength(1)
    expect(keys[0]).not.toContain(client.cookie!)
    const raw = JSON.stringify(await sessions.getItem(keys[0]!))
    expect(raw).not.toContain(access!)
    expect(raw).not.toContain(DEMO.email)
  })

  it('renders as "unknown" (cookie kept) when the session storage is down, and never throws', async () => {
    const down = createStorage()
    down.getItem = () => Promise.reject(new Error('connection refused'))
    down.setItem = () => Promise.reject(new Error('connection refused'))
    down.removeItem = () => Promise.reject(new Error('connection refused'))
    stack = await startRenderSessionStack({ sessions: down })
    const client = new CookieClient(stack.origin)
    client.cookie = 'eyJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCJ9.x'
    const response = await client.get('/render')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: false, status: 503 })
    expect(client.cookie).toBeDefined()
  })
})
