import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CookieClient, startTestBff, type TestBff } from './support/bffServer'

// SimpleJWT as a real backend may have it, unlike the demo: ROTATE_REFRESH_TOKENS off (its default), so
// /auth/token/refresh/ answers {access} only and the refresh token stays valid; USER_ID_CLAIM = 'sub' instead of
// 'user_id'; and no token_blacklist app, so /auth/token/blacklist/ answers 404. A scriptless stand-in.
const jwt = (claims: Record<string, unknown>) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`
let issued = 0
const seen: string[] = []
let backend: Server
let bff: TestBff

function refreshToken(): string {
  return jwt({ token_type: 'refresh', sub: 1, exp: Math.floor(Date.now() / 1000) + 86_400, jti: ++issued })
}
const valid = new Set<string>()

beforeAll(async () => {
  backend = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => { body += chunk.toString() })
    req.on('end', () => {
      seen.push(`${req.method} ${req.url}`)
      const json = (status: number, data: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(data))
      }
      const access = () => jwt({ token_type: 'access', sub: 1, exp: Math.floor(Date.now() / 1000) + 300, jti: ++issued })
      if (req.url === '/api/auth/token/') {
        const refresh = refreshToken()
        valid.add(refresh)
        return json(200, { access: access(), refresh })
      }
      if (req.url === '/api/auth/token/refresh/') {
        return valid.has((JSON.parse(body) as { refresh?: string }).refresh ?? '') ? json(200, { access: access() }) : json(401, { detail: 'Token is invalid', code: 'token_not_valid' })
      }
      if (req.url === '/api/auth/me/') return json(200, { id: 1, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', date_joined: '2024-03-01T00:00:00' })
      return json(404, { detail: 'Not found.' })
    })
  })
  await new Promise<void>(resolve => backend.listen(0, '127.0.0.1', resolve))
  bff = await startTestBff(`http://127.0.0.1:${(backend.address() as AddressInfo).port}/api`)
})

afterAll(async () => {
  await bff.close()
  await new Promise(resolve => backend.close(resolve))
})

async function signedIn(): Promise<CookieClient> {
  const client = new CookieClient(bff.origin)
  expect((await client.post('/api/auth/login', { email: 'ada@example.com', password: 'pw' })).status).toBe(200)
  return client
}

describe('SimpleJWT without rotation, with its own user claim and without the blacklist app', () => {
  it('refreshes again and again on the same refresh token, and the session knows the shopper throughout', async () => {
    const client = await signedIn()
    const cookie = client.cookie
    const tokens = new Set<string>()
    const before = seen.length
    for (let round = 0; round < 3; round++) {
      bff.advance(30_000)
      const refreshed = await client.post('/api/auth/refresh')
      expect(refreshed.status).toBe(200)
      tokens.add(((await refreshed.json()) as { access: string }).access)
      expect(client.cookie).toBe(cookie)
    }
    expect(tokens.size).toBe(3)
    expect(seen.slice(before)).toEqual(Array(3).fill('POST /api/auth/token/refresh/'))
    // The render session kept under the (same) cookie serves the next page: no refresh, no /auth/me/.
    const after = seen.length
    expect(await (await client.get('/api/auth/session')).json()).toMatchObject({ user: { email: 'ada@example.com' } })
    expect(seen.slice(after)).toEqual([])
  })

  it('signs out everywhere: the blacklist\'s 404 does not stop it, and the user is known by the backend\'s id', async () => {
    const here = await signedIn()
    const phone = await signedIn()
    expect((await here.post('/api/auth/logout-all')).status).toBe(204)
    expect(here.cookie).toBeUndefined()
    bff.advance(30_000)
    const refused = await phone.post('/api/auth/refresh')
    expect(refused.status).toBe(401)
    expect(await refused.json()).toMatchObject({ detail: 'You were signed out on all devices. Please sign in again.' })
  })
})
