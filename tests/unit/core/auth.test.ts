import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import type { ApiError } from '~/composables/core/api/ApiError'
import { API, deferred, makeCore, useMswServer } from './support'

const server = useMswServer()

const TOKEN_NOT_VALID = { detail: 'Given token not valid for any token type', code: 'token_not_valid' }

/** GET /me/ answers 200 only to `Bearer <valid>`; counts every hit and the token it carried. */
function protectedEndpoint(valid: string) {
  const seen: Array<string | null> = []
  server.use(http.get(`${API}/me/`, ({ request }) => {
    const auth = request.headers.get('authorization')
    seen.push(auth)
    if (auth === `Bearer ${valid}`) return HttpResponse.json({ email: 'ada@example.com' })
    return auth
      ? HttpResponse.json(TOKEN_NOT_VALID, { status: 401 })
      // DRF's default body for missing credentials carries no code.
      : HttpResponse.json({ detail: 'Authentication credentials were not provided.' }, { status: 401 })
  }))
  return seen
}

/** The BFF refresh route; `answer` decides each call. Records the headers it got. */
function refreshRoute(answer: () => Response | Promise<Response>) {
  const calls: Headers[] = []
  server.use(http.post(`${API}/auth/refresh`, ({ request }) => {
    calls.push(request.headers)
    return answer()
  }))
  return calls
}

describe('auth: token, single-flight refresh, replay', () => {
  it('sends the in-memory token as a Bearer header, and none when auth is false', async () => {
    const seen = protectedEndpoint('tok')
    const { api, session } = makeCore()
    session.setAccessToken('tok')
    await api.get('/me/')
    await api.get('/me/', undefined, { auth: false }).catch(() => undefined)
    expect(seen).toEqual(['Bearer tok', null])
  })

  it('turns 50 concurrent 401s into exactly one refresh, then all 50 succeed', async () => {
    const seen = protectedEndpoint('fresh')
    // The refresh answers only once all 50 requests have been rejected, so all of them wait on the same call.
    const all401 = deferred()
    server.use(http.get(`${API}/me/`, ({ request }) => {
      const auth = request.headers.get('authorization')
      seen.push(auth)
      if (seen.filter(a => a === 'Bearer stale').length === 50) all401.resolve()
      return auth === 'Bearer fresh' ? HttpResponse.json({ email: 'ada@example.com' }) : HttpResponse.json(TOKEN_NOT_VALID, { status: 401 })
    }))
    const calls = refreshRoute(async () => {
      await all401.promise
      return HttpResponse.json({ access: 'fresh' })
    })
    const { api, session } = makeCore()
    session.setAccessToken('stale')

    const results = await Promise.all(Array.from({ length: 50 }, () => api.get<{ email: string }>('/me/')))

    expect(results.every(r => r.email === 'ada@example.com')).toBe(true)
    expect(calls).toHaveLength(1)
    expect(calls[0]!.get('x-requested-with')).toBe('storefront')
    expect(calls[0]!.get('authorization')).toBeNull()
    expect(seen.filter(a => a === 'Bearer stale')).toHaveLength(50)
    expect(seen.filter(a => a === 'Bearer fresh')).toHaveLength(50)
    expect(session.getAccessToken()).toBe('fresh')
  })

  it.each([
    ['DRF\'s AuthenticationFailed (no code)', { detail: 'Incorrect authentication credentials.' }],
    ['SimpleJWT\'s user_not_found', { detail: 'User not found', code: 'user_not_found' }],
  ])('refreshes and replays on any 401 to a request that carried a token: %s', async (_label, body) => {
    const seen: Array<string | null> = []
    server.use(http.get(`${API}/me/`, ({ request }) => {
      const auth = request.headers.get('authorization')
      seen.push(auth)
      return auth === 'Bearer fresh' ? HttpResponse.json({ email: 'ada@example.com' }) : HttpResponse.json(body, { status: 401 })
    }))
    const calls = refreshRoute(() => HttpResponse.json({ access: 'fresh' }))
    const { api, session } = makeCore()
    session.setAccessToken('stale')
    await expect(api.get('/me/')).resolves.toEqual({ email: 'ada@example.com' })
    expect(seen).toEqual(['Bearer stale', 'Bearer fresh'])
    expect(calls).toHaveLength(1)
  })

  it('does not refresh again for a 401 that arrives after another request already refreshed', async () => {
    protectedEndpoint('fresh')
    const calls = refreshRoute(() => HttpResponse.json({ access: 'fresh' }))
    const { api, session } = makeCore()
    session.setAccessToken('stale')
    await api.get('/me/')
    // A request sent with the stale token whose 401 lands late: it just uses the new token.
    session.setAccessToken('stale')
    const late = api.get('/me/')
    session.setAccessToken('fresh')
    await expect(late).resolves.toEqual({ email: 'ada@example.com' })
    expect(calls).toHaveLength(1)
  })

  it('signs out once when the refresh is rejected, with no retry storm and no loop', async () => {
    const seen = protectedEndpoint('never')
    const calls = refreshRoute(() => HttpResponse.json({ detail: 'Token is blacklisted', code: 'token_not_valid' }, { status: 401 }))
    const { api, session } = makeCore()
    const signedOut = vi.fn()
    session.onSignedOut(signedOut)
    session.setAccessToken('stale')

    const errors = await Promise.all(Array.from({ length: 50 }, () => api.get<null>('/me/').catch((e: ApiError) => e)))

    expect(errors.every(e => e?.status === 401 && e.code === 'session_expired')).toBe(true)
    expect(calls).toHaveLength(1)
    // Each request: once with the dead token, once as a guest (public endpoints keep working). Never more.
    expect(seen.filter(a => a === 'Bearer stale')).toHaveLength(50)
    expect(seen.filter(a => a === null)).toHaveLength(50)
    expect(signedOut).toHaveBeenCalledTimes(1)
    expect(signedOut).toHaveBeenCalledWith('refresh_failed')
    expect(session.getStatus()).toBe('signed_out')
    expect(session.getAccessToken()).toBeNull()

    // Signed out: later 401s are final, no further refresh until the next sign-in.
    await expect(api.get('/me/')).rejects.toMatchObject({ status: 401, code: 'http_401' })
    expect(calls).toHaveLength(1)
    expect(seen).toHaveLength(101)
    expect(signedOut).toHaveBeenCalledTimes(1)
  })

  it('replays a public request without the dead token when the session has ended, so the catalog keeps working', async () => {
    const seen: Array<string | null> = []
    server.use(http.get(`${API}/products/`, ({ request }) => {
      const auth = request.headers.get('authorization')
      seen.push(auth)
      // DRF authenticates every request: a dead token is refused even where a guest is welcome.
      return auth ? HttpResponse.json(TOKEN_NOT_VALID, { status: 401 }) : HttpResponse.json({ results: [] })
    }))
    refreshRoute(() => HttpResponse.json({ detail: 'You are not signed in.', code: 'token_not_valid' }, { status: 401 }))
    const { api, session } = makeCore()
    session.setAccessToken('stale')
    await expect(api.get('/products/')).resolves.toEqual({ results: [] })
    expect(seen).toEqual(['Bearer stale', null])
    expect(session.getStatus()).toBe('signed_out')
  })

  it('replays without the dead token also a request whose 401 arrives after the refresh was refused', async () => {
    const seen: string[] = []
    const late = deferred()
    const publicEndpoint = (path: string, wait?: Promise<void>) => server.use(http.get(`${API}${path}`, async ({ request }) => {
      const auth = request.headers.get('authorization')
      seen.push(`${path} ${auth}`)
      if (auth && wait) await wait
      return auth ? HttpResponse.json(TOKEN_NOT_VALID, { status: 401 }) : HttpResponse.json({ results: [] })
    }))
    publicEndpoint('/products/')
    publicEndpoint('/categories/', late.promise)
    refreshRoute(() => HttpResponse.json({ detail: 'You are not signed in.', code: 'token_not_valid' }, { status: 401 }))
    const { api, session } = makeCore()
    session.setAccessToken('stale')
    const slow = api.get('/categories/')
    await expect(api.get('/products/')).resolves.toEqual({ results: [] })
    expect(session.getStatus()).toBe('signed_out')
    late.resolve()
    await expect(slow).resolves.toEqual({ results: [] })
    expect(seen.filter(line => line.startsWith('/categories/'))).toEqual(['/categories/ Bearer stale', '/categories/ null'])
  })

  it('does not refresh for a guest twice: a failed restore on a fresh page load is final', async () => {
    const seen = protectedEndpoint('never')
    const calls = refreshRoute(() => HttpResponse.json({ detail: 'You are not signed in.', code: 'token_not_valid' }, { status: 401 }))
    const { api } = makeCore()
    await expect(api.get('/me/')).rejects.toMatchObject({ code: 'session_expired' })
    await expect(api.get('/me/')).rejects.toMatchObject({ code: 'http_401' })
    expect(seen).toEqual([null, null])
    expect(calls).toHaveLength(1)
  })

  it('replays once: a second 401 after a successful refresh is final', async () => {
    const seen = protectedEndpoint('never')
    const calls = refreshRoute(() => HttpResponse.json({ access: 'also-rejected' }))
    const { api, session } = makeCore()
    session.setAccessToken('stale')
    await expect(api.get('/me/')).rejects.toMatchObject({ status: 401, code: 'token_not_valid' })
    expect(seen).toEqual(['Bearer stale', 'Bearer also-rejected'])
    expect(calls).toHaveLength(1)
  })

  it('keeps the shopper signed in when the refresh fails for a transient reason, and does not retry the refresh', async () => {
    protectedEndpoint('fresh')
    const calls = refreshRoute(() => HttpResponse.json({ detail: 'Down.' }, { status: 503 }))
    const { api, session } = makeCore()
    const signedOut = vi.fn()
    session.onSignedOut(signedOut)
    session.setAccessToken('stale')
    await expect(api.get('/me/')).rejects.toMatchObject({ status: 503, retryable: true })
    expect(calls).toHaveLength(1)
    expect(signedOut).not.toHaveBeenCalled()
    expect(session.getStatus()).toBe('signed_in')
  })

  it('restores the session on a fresh page load: no token yet, 401, refresh, replay', async () => {
    const seen = protectedEndpoint('restored')
    const calls = refreshRoute(() => HttpResponse.json({ access: 'restored' }))
    const { api, session } = makeCore()
    expect(session.getStatus()).toBe('unknown')
    await expect(api.get('/me/')).resolves.toEqual({ email: 'ada@example.com' })
    expect(seen).toEqual([null, 'Bearer restored'])
    expect(calls).toHaveLength(1)
    expect(session.getStatus()).toBe('signed_in')
  })

  it('ignores a refresh that finishes after the shopper signed out', async () => {
    protectedEndpoint('fresh')
    const release = deferred()
    const started = deferred()
    refreshRoute(async () => {
      started.resolve()
      await release.promise
      return HttpResponse.json({ access: 'fresh' })
    })
    const { api, session } = makeCore()
    const signedOut = vi.fn()
    session.onSignedOut(signedOut)
    session.setAccessToken('stale')
    const pending = api.get('/me/').catch((e: ApiError) => e)
    await started.promise
    session.signOut()
    release.resolve()
    expect(await pending).toMatchObject({ code: 'session_expired' })
    expect(session.getAccessToken()).toBeNull()
    expect(signedOut.mock.calls).toEqual([['signed_out']])
  })
})
