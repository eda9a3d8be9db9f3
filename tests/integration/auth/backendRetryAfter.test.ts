import { $fetch } from 'ofetch'
import { createStorage } from 'unstorage'
import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiError } from '~/composables/core/api/ApiError'
import { createApiClient } from '~/composables/core/api/createApiClient'
import { passableRetryAfter } from '~/server/utils/backend/retryAfter'
import { guardedStorage, StorageUnavailableError } from '~/server/utils/auth/storageOutage'
import { CookieClient, DEMO, type TestBff } from './support/bffServer'
import { useBffStack } from './support/bffStack'

// The auth BFF passes the backend's Retry-After on (throttled sign-in, register, refresh), so the sign-in form can
// say how long to wait, as the plain /api proxy already lets the profile form do.

const stack = useBffStack({ seedProducts: 20 })
let bff: TestBff

const addFault = (fault: Record<string, unknown>) => $fetch(`${stack.api.url}/__faults/`, { method: 'POST', body: fault })

beforeEach(async () => {
  bff = await stack.startBff()
})

/** What the registration form gets: the api core's error for the BFF's answer (services/authService.ts). */
function registerAsTheForm(account: Record<string, string>): Promise<ApiError> {
  const client = createApiClient({ fetch: $fetch, baseURL: `${bff.origin}/api`, retry: { maxRetries: 0 } })
  const headers = { 'origin': bff.origin, 'x-requested-with': 'storefront' }
  return client.post('/auth/register', account, { headers }).then(() => { throw new Error('registered and signed in') }, (e: ApiError) => e)
}

describe('the auth BFF and the backend\'s Retry-After', () => {
  it('passes a throttled sign-in\'s Retry-After on, and the sign-in form says how long to wait', async () => {
    await addFault({ path_pattern: '/auth/*', method: 'POST', status: 429, retry_after: 20 })
    const response = await new CookieClient(bff.origin).post('/api/auth/login', DEMO)
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('20')
    expect(response.headers.get('cache-control')).toBe('no-store')

    // What the sign-in form shows: the api core's message for that answer (services/authService.ts).
    const client = createApiClient({ fetch: $fetch, baseURL: `${bff.origin}/api`, retry: { maxRetries: 0 } })
    const error = await client.post('/auth/login', DEMO, { headers: { 'origin': bff.origin, 'x-requested-with': 'storefront' } }).catch((e: ApiError) => e)
    expect(error).toMatchObject({ status: 429, retryAfterMs: 20_000, message: 'Too many requests. Please wait 20 seconds and try again.' })
  })

  it('does the same for register and for a refresh, which keeps the session', async () => {
    const client = new CookieClient(bff.origin)
    expect((await client.post('/api/auth/login', DEMO)).status).toBe(200)
    const cookie = client.cookie
    await addFault({ path_pattern: '/auth/*', method: 'POST', status: 429, retry_after: 45 })

    const refreshed = await client.post('/api/auth/refresh')
    expect(refreshed.status).toBe(429)
    expect(refreshed.headers.get('retry-after')).toBe('45')
    expect(client.cookie).toBe(cookie)

    const registered = await new CookieClient(bff.origin).post('/api/auth/register', { email: `wait-${Date.now()}@example.com`, password: 'a-long-password-1', first_name: 'Wai', last_name: 'Ting' })
    expect(registered.status).toBe(429)
    expect(registered.headers.get('retry-after')).toBe('45')
  })

  it('says the account was created when only the sign-in after register is throttled (DRF: one throttle scope for both)', async () => {
    // tests/drf-real: RegisterView and the token view share ScopedRateThrottle's `auth` scope, so the register can be
    // the last call the window allows and the token call the first it refuses.
    await addFault({ path_pattern: '/auth/token/', method: 'POST', status: 429, retry_after: 30 })
    const email = `created-${Date.now()}@example.com`
    const account = { email, password: 'a-long-password-1', first_name: 'Cre', last_name: 'Ated' }
    const error = await registerAsTheForm(account)
    expect(error).toMatchObject({
      status: 429,
      retryAfterMs: 30_000,
      message: 'Your account has been created, but we could not sign you in just now. Please wait 30 seconds, then sign in.',
    })
    // It was: the same details are now an account that exists, and signing in works once the window has passed.
    await $fetch(`${stack.api.url}/__faults/`, { method: 'DELETE' }).catch(() => undefined)
    expect((await new CookieClient(bff.origin).post('/api/auth/register', account)).status).toBe(400)
  })

  it('says the account was created when the session storage fails after the backend made it', async () => {
    // The account exists once /auth/register/ answered; a storage that stops answering while the session is
    // written (Redis under load, its 1 s bound) must not turn that into "creating an account is unavailable",
    // whose retry meets "already exists".
    const sessions = guardedStorage(createStorage())
    sessions.setItem = () => Promise.reject(new StorageUnavailableError(new Error('connection refused')))
    bff = await stack.startBff({ sessions })
    const email = `stored-${Date.now()}@example.com`
    const account = { email, password: 'a-long-password-1', first_name: 'Sto', last_name: 'Red' }
    const error = await registerAsTheForm(account)
    expect(error).toMatchObject({
      status: 503,
      retryAfterMs: 30_000,
      message: 'Your account has been created, but we could not sign you in just now. Please wait 30 seconds, then sign in.',
    })
    bff = await stack.startBff()
    expect((await new CookieClient(bff.origin).post('/api/auth/login', { email, password: account.password })).status).toBe(200)
  })

  it('adds no Retry-After of its own when the backend sent none', async () => {
    await addFault({ path_pattern: '/auth/token/', method: 'POST', status: 503 })
    const response = await new CookieClient(bff.origin).post('/api/auth/login', DEMO)
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBeNull()
  })
})

describe('passableRetryAfter', () => {
  const now = Date.parse('2026-11-26T20:00:00Z')

  it('keeps delta-seconds and turns an HTTP-date into seconds from now', () => {
    expect(passableRetryAfter('20', now)).toBe(20)
    expect(passableRetryAfter(' 0 ', now)).toBe(0)
    expect(passableRetryAfter('Thu, 26 Nov 2026 20:01:30 GMT', now)).toBe(90)
    expect(passableRetryAfter('Thursday, 26-Nov-26 20:00:10 GMT', now)).toBe(10)
    // asctime carries no zone and means GMT, wherever this server runs.
    const zone = process.env.TZ
    process.env.TZ = 'America/New_York'
    try {
      expect(passableRetryAfter('Thu Nov 26 20:00:05 2026', now)).toBe(5)
    }
    finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
    // A date already past: no wait.
    expect(passableRetryAfter('Thu, 26 Nov 2026 19:00:00 GMT', now)).toBe(0)
  })

  it('drops anything else, and waits longer than a day', () => {
    for (const bad of [null, '', '-5', '1.5', '20 seconds', 'soon', '2026-11-27', '<script>', '86401', '99999999999', 'Fri, 27 Nov 2026 20:00:01 GMT']) {
      expect(passableRetryAfter(bad, now), String(bad)).toBeUndefined()
    }
    expect(passableRetryAfter('86400', now)).toBe(86400)
  })
})
