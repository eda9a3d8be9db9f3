import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { ApiClient } from '~/composables/core/api/types'
import { ApiError } from '~/composables/core/api/ApiError'
import type { UserDto } from '~/services/dto'

const ADA: UserDto = { id: 1, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', date_joined: '2024-03-01T00:00:00Z' }
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoxfQ.secret-signature'

const calls: Array<{ method: string, path: string, body?: unknown, options?: unknown }> = []
let responses: Record<string, () => unknown> = {}

function respond(method: string, path: string, body?: unknown, options?: unknown): Promise<unknown> {
  calls.push({ method, path, body, options })
  const answer = responses[`${method} ${path}`]
  return answer ? Promise.resolve().then(answer) : Promise.reject(new Error(`unexpected ${method} ${path}`))
}

const fakeApi = {
  request: (path: string) => respond('REQUEST', path),
  get: (path: string, _query?: unknown, options?: unknown) => respond('GET', path, undefined, options),
  post: (path: string, body?: unknown, options?: unknown) => respond('POST', path, body, options),
  patch: (path: string, body?: unknown, options?: unknown) => respond('PATCH', path, body, options),
  delete: (path: string, options?: unknown) => respond('DELETE', path, undefined, options),
} as unknown as ApiClient

const session = { setAccessToken: vi.fn(), signOut: vi.fn() }

vi.mock('~/composables/core/useApi', () => ({ useApi: () => fakeApi }))
vi.mock('~/composables/core/useApiSession', () => ({ useApiSession: () => session }))

const { useAuthStore } = await import('~/stores/auth')

beforeEach(() => {
  setActivePinia(createPinia())
  calls.length = 0
  responses = {}
  session.setAccessToken.mockReset()
  session.signOut.mockReset()
})

describe('auth store', () => {
  it('signs in through the BFF with its CSRF header, hands the token to the api session only', async () => {
    responses['POST /auth/login'] = () => ({ access: TOKEN, user: ADA })
    const store = useAuthStore()
    const user = await store.signIn({ email: ' ada@example.com ', password: 'pw' })
    expect(user.displayName).toBe('Ada Lovelace')
    expect(calls[0]).toEqual({
      method: 'POST', path: '/auth/login', body: { email: 'ada@example.com', password: 'pw' },
      options: { auth: false, headers: { 'x-requested-with': 'storefront' } },
    })
    expect(session.setAccessToken).toHaveBeenCalledWith(TOKEN)
    expect(store.isSignedIn).toBe(true)
    // What Pinia would serialize into the SSR payload.
    expect(JSON.stringify(store.$state)).not.toContain(TOKEN)
  })

  it('restores the session on the server: user into state, token into the api session', async () => {
    responses['GET /auth/session'] = () => ({ user: ADA, access: TOKEN })
    const store = useAuthStore()
    await store.restoreSession()
    expect(store.user?.email).toBe('ada@example.com')
    expect(store.status).toBe('signed_in')
    expect(session.setAccessToken).toHaveBeenCalledWith(TOKEN)
    expect(JSON.stringify(store.$state)).not.toContain(TOKEN)
  })

  it('is signed out when the cookie leads nowhere, and unknown when the BFF cannot answer', async () => {
    responses['GET /auth/session'] = () => ({ user: null })
    const store = useAuthStore()
    await store.restoreSession()
    expect(store.status).toBe('signed_out')
    responses['GET /auth/session'] = () => {
      throw new ApiError({ status: 503, code: 'http_503', message: 'down', fieldErrors: {}, retryable: true })
    }
    await store.restoreSession()
    expect(store.status).toBe('unknown')
    expect(store.user).toBeNull()
    expect(session.setAccessToken).not.toHaveBeenCalled()
  })

  it('signs this browser out even when the BFF call fails, and says so', async () => {
    responses['POST /auth/login'] = () => ({ access: TOKEN, user: ADA })
    responses['POST /auth/logout'] = () => {
      throw new ApiError({ status: 0, code: 'network_error', message: 'offline', fieldErrors: {}, retryable: true })
    }
    const store = useAuthStore()
    await store.signIn({ email: 'ada@example.com', password: 'pw' })
    await expect(store.signOut()).rejects.toMatchObject({ code: 'network_error' })
    expect(session.signOut).toHaveBeenCalledTimes(1)
    expect(store.user).toBeNull()
  })

  it('keeps the session when signing out everywhere fails', async () => {
    responses['POST /auth/login'] = () => ({ access: TOKEN, user: ADA })
    responses['POST /auth/logout-all'] = () => {
      throw new ApiError({ status: 503, code: 'http_503', message: 'down', fieldErrors: {}, retryable: true })
    }
    const store = useAuthStore()
    await store.signIn({ email: 'ada@example.com', password: 'pw' })
    await expect(store.signOutEverywhere()).rejects.toBeInstanceOf(ApiError)
    expect(store.isSignedIn).toBe(true)
    expect(session.signOut).not.toHaveBeenCalled()
  })

  it('updates the name through the backend profile endpoint', async () => {
    responses['PATCH /auth/me/'] = () => ({ ...ADA, first_name: 'Augusta' })
    const store = useAuthStore()
    await store.updateProfile({ firstName: ' Augusta ', lastName: 'Lovelace' })
    expect(calls[0]).toMatchObject({ method: 'PATCH', path: '/auth/me/', body: { first_name: 'Augusta', last_name: 'Lovelace' } })
    expect(store.user?.displayName).toBe('Augusta Lovelace')
  })

  it('registers and is signed in at once', async () => {
    responses['POST /auth/register'] = () => ({ access: TOKEN, user: ADA })
    const store = useAuthStore()
    await store.register({ email: 'ada@example.com', password: 'long-password', firstName: 'Ada', lastName: 'Lovelace' })
    expect(calls[0]?.body).toEqual({ email: 'ada@example.com', password: 'long-password', first_name: 'Ada', last_name: 'Lovelace' })
    expect(session.setAccessToken).toHaveBeenCalledWith(TOKEN)
    expect(store.status).toBe('signed_in')
  })
})
