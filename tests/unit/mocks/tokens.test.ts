import { describe, expect, it } from 'vitest'
import type { TokenPairDto } from '../../../services/dto'
import { createDemoBackend } from '../../mocks/createDemoBackend'
import { DEMO_USER_EMAIL, DEMO_USER_PASSWORD } from '../../mocks/seed/constants'

// Token lifetimes with an injected clock: no sleeping, no fake timers needed.
function setup(accessTtlS: number) {
  let now = Date.UTC(2026, 0, 1)
  const backend = createDemoBackend({ baseUrl: 'http://backend.test/api', seedProducts: 10, accessTtlS, now: () => now })
  const call = async (path: string, init: { method?: string, body?: unknown, token?: string } = {}) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (init.token) headers.Authorization = `Bearer ${init.token}`
    const response = await backend.handle(new Request(`http://backend.test/api${path}`, {
      method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })) as Response
    return { status: response.status, body: await response.json() as Record<string, unknown> }
  }
  const signIn = async () => (await call('/auth/token/', { method: 'POST', body: { email: DEMO_USER_EMAIL, password: DEMO_USER_PASSWORD } })).body as unknown as TokenPairDto
  return { call, signIn, advance: (seconds: number) => { now += seconds * 1000 } }
}

describe('demo tokens', () => {
  it('the access token expires after DEMO_ACCESS_TTL_S; refresh still works', async () => {
    const { call, signIn, advance } = setup(60)
    const tokens = await signIn()
    advance(59)
    expect((await call('/auth/me/', { token: tokens.access })).status).toBe(200)
    advance(1)
    const expired = await call('/auth/me/', { token: tokens.access })
    expect(expired.status).toBe(401)
    expect(expired.body).toMatchObject({ code: 'token_not_valid', detail: 'Given token not valid for any token type' })
    const refreshed = await call('/auth/token/refresh/', { method: 'POST', body: { refresh: tokens.refresh } })
    expect(refreshed.status).toBe(200)
    expect((await call('/auth/me/', { token: String(refreshed.body.access) })).status).toBe(200)
  })

  it('the refresh token expires after a day', async () => {
    const { call, signIn, advance } = setup(300)
    const tokens = await signIn()
    advance(24 * 60 * 60)
    const response = await call('/auth/token/refresh/', { method: 'POST', body: { refresh: tokens.refresh } })
    expect(response.status).toBe(401)
    expect(response.body).toEqual({ detail: 'Token is invalid or expired', code: 'token_not_valid' })
  })

  it('two concurrent refreshes with one token: exactly one wins', async () => {
    const { call, signIn } = setup(300)
    const tokens = await signIn()
    const results = await Promise.all([1, 2].map(() => call('/auth/token/refresh/', { method: 'POST', body: { refresh: tokens.refresh } })))
    expect(results.map(r => r.status).sort()).toEqual([200, 401])
  })

  it('a tampered token is rejected', async () => {
    const { call, signIn } = setup(300)
    const { access } = await signIn()
    const [head, payload, signature] = access.split('.')
    const forged = btoa(atob((payload as string).replace(/-/g, '+').replace(/_/g, '/')).replace('"user_id":1', '"user_id":2')).replace(/=+$/, '')
    expect((await call('/auth/me/', { token: `${head}.${forged}.${signature}` })).status).toBe(401)
  })
})
