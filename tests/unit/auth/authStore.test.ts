import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '~/composables/core/api/ApiError'
import type { UserDto } from '~/services/dto'
import { settleUnknown } from '~/composables/auth/settleUnknown'
import { useAuthStore } from '~/stores/auth'
import { CHECKOUT_STORAGE_PREFIX } from '~/utils/checkout/checkoutStorage'
import { apiError } from '../../support/fakeApi'
import { installApiSession } from '../../support/installedApi'
import { useFakeApi } from '../../support/useFakeApi'

const ADA: UserDto = { id: 1, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', date_joined: '2024-03-01T00:00:00Z' }
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoxfQ.secret-signature'

// Anything the test did not script fails at once.
const fake = useFakeApi({ unscripted: 'fail' })
const session = { setAccessToken: vi.fn(), signOut: vi.fn(), refresh: vi.fn(async (): Promise<string | null> => null) }
/** What the store sent, as a service call: method, path, body, options. */
const sent = (index: number) => {
  const call = fake.current.calls[index]
  return call && { method: call.method, path: call.path, body: call.body, options: call.options }
}

beforeEach(() => {
  installApiSession(session)
  session.setAccessToken.mockReset()
  session.signOut.mockReset()
  session.refresh.mockReset()
})
afterEach(() => installApiSession(null))

describe('auth store', () => {
  it('signs in through the BFF with its CSRF header, hands the token to the api session only', async () => {
    fake.current.on('POST', '/auth/login', { access: TOKEN, user: ADA })
    const store = useAuthStore()
    const user = await store.signIn({ email: ' ada@example.com ', password: 'pw' })
    expect(user.displayName).toBe('Ada Lovelace')
    expect(sent(0)).toEqual({
      method: 'POST', path: '/auth/login', body: { email: 'ada@example.com', password: 'pw' },
      options: { auth: false, headers: { 'x-requested-with': 'storefront' } },
    })
    expect(session.setAccessToken).toHaveBeenCalledWith(TOKEN)
    expect(store.isSignedIn).toBe(true)
    // What Pinia would serialize into the SSR payload.
    expect(JSON.stringify(store.$state)).not.toContain(TOKEN)
  })

  it('restores the session on the server: user into state, token into the api session', async () => {
    fake.current.on('GET', '/auth/session', { user: ADA, access: TOKEN })
    const store = useAuthStore()
    await store.restoreSession()
    expect(store.user?.email).toBe('ada@example.com')
    expect(store.status).toBe('signed_in')
    expect(session.setAccessToken).toHaveBeenCalledWith(TOKEN)
    expect(JSON.stringify(store.$state)).not.toContain(TOKEN)
  })

  it('is signed out when the cookie leads nowhere, and unknown when the BFF cannot answer', async () => {
    fake.current.on('GET', '/auth/session', { user: null })
    const store = useAuthStore()
    await store.restoreSession()
    expect(store.status).toBe('signed_out')
    fake.current.on('GET', '/auth/session', apiError(503, 'down'))
    await store.restoreSession()
    expect(store.status).toBe('unknown')
    expect(store.user).toBeNull()
    expect(session.setAccessToken).not.toHaveBeenCalled()
  })

  it('settles in the browser who a page rendered as unknown belongs to: still unknown after a failure, then the cookie\'s shopper', async () => {
    fake.current.on('GET', '/auth/session', apiError(503, 'down'))
    fake.current.on('GET', '/auth/me/', ADA)
    const store = useAuthStore()
    await store.restoreSession()
    expect(store.status).toBe('unknown')

    session.refresh.mockRejectedValueOnce(apiError(0, 'offline'))
    await settleUnknown(store, session)
    expect(store.status).toBe('unknown')

    session.refresh.mockResolvedValueOnce(TOKEN)
    await settleUnknown(store, session)
    expect(store.status).toBe('signed_in')
    expect(store.user?.email).toBe('ada@example.com')
    // Settled: asking again costs nothing.
    await settleUnknown(store, session)
    expect(session.refresh).toHaveBeenCalledTimes(2)
  })

  it('settles an unknown render as a guest\'s when the cookie leads nowhere', async () => {
    fake.current.on('GET', '/auth/session', apiError(503, 'down'))
    const store = useAuthStore()
    await store.restoreSession()
    session.refresh.mockResolvedValueOnce(null)
    await settleUnknown(store, session)
    expect(store.status).toBe('signed_out')
    expect(fake.current.callsTo('/auth/me/')).toHaveLength(0)
  })

  it('stays signed in when the BFF did not end the session (its cookie is still there), and rejects', async () => {
    fake.current.on('POST', '/auth/login', { access: TOKEN, user: ADA })
    fake.current.on('POST', '/auth/logout', apiError(0, 'offline'), apiError(503, 'Signing out did not finish. Please try again in a minute.'), undefined)
    const store = useAuthStore()
    await store.signIn({ email: 'ada@example.com', password: 'pw' })
    await expect(store.signOut()).rejects.toMatchObject({ code: 'network_error' })
    await expect(store.signOut()).rejects.toMatchObject({ status: 503 })
    expect(session.signOut).not.toHaveBeenCalled()
    expect(store.isSignedIn).toBe(true)
    await store.signOut()
    expect(session.signOut).toHaveBeenCalledTimes(1)
    expect(store.user).toBeNull()
  })

  it('forgets this tab\'s checkout drafts and attempts at sign-out, and nothing else', async () => {
    const stored = new Map([[`${CHECKOUT_STORAGE_PREFIX}draft:1`, '{}'], [`${CHECKOUT_STORAGE_PREFIX}attempt:1`, '{}'], ['sf-seen-prices', '{}']])
    const storage = Object.assign(Object.create(null) as Record<string, string>, Object.fromEntries(stored), {})
    Object.defineProperty(storage, 'removeItem', { value: (key: string) => Reflect.deleteProperty(storage, key), enumerable: false })
    vi.stubGlobal('sessionStorage', storage)
    try {
      fake.current.on('POST', '/auth/login', { access: TOKEN, user: ADA })
      fake.current.on('POST', '/auth/logout', undefined)
      const store = useAuthStore()
      await store.signIn({ email: 'ada@example.com', password: 'pw' })
      await store.signOut()
      expect(Object.keys(storage)).toEqual(['sf-seen-prices'])
    }
    finally {
      vi.unstubAllGlobals()
    }
  })

  it('keeps the session when signing out everywhere fails', async () => {
    fake.current.on('POST', '/auth/login', { access: TOKEN, user: ADA })
    fake.current.on('POST', '/auth/logout-all', apiError(503, 'down'))
    const store = useAuthStore()
    await store.signIn({ email: 'ada@example.com', password: 'pw' })
    await expect(store.signOutEverywhere()).rejects.toBeInstanceOf(ApiError)
    expect(store.isSignedIn).toBe(true)
    expect(session.signOut).not.toHaveBeenCalled()
  })

  it('updates the name through the backend profile endpoint', async () => {
    fake.current.on('PATCH', '/auth/me/', { ...ADA, first_name: 'Augusta' })
    const store = useAuthStore()
    await store.updateProfile({ firstName: ' Augusta ', lastName: 'Lovelace' })
    expect(sent(0)).toMatchObject({ method: 'PATCH', path: '/auth/me/', body: { first_name: 'Augusta', last_name: 'Lovelace' } })
    expect(store.user?.displayName).toBe('Augusta Lovelace')
  })

  it('registers and is signed in at once', async () => {
    fake.current.on('POST', '/auth/register', { access: TOKEN, user: ADA })
    const store = useAuthStore()
    await store.register({ email: 'ada@example.com', password: 'long-password', firstName: 'Ada', lastName: 'Lovelace' })
    expect(sent(0)?.body).toEqual({ email: 'ada@example.com', password: 'long-password', first_name: 'Ada', last_name: 'Lovelace' })
    expect(session.setAccessToken).toHaveBeenCalledWith(TOKEN)
    expect(store.status).toBe('signed_in')
  })
})

describe('answers arriving out of order', () => {
  /** An answer the test releases when it wants. */
  function held<T>() {
    let release!: (value: T) => void
    const answer = new Promise<T>((resolve) => {
      release = resolve
    })
    return { answer: () => answer, release }
  }

  it('a profile read sent before a save and answered after it does not bring the old name back', async () => {
    const read = held<UserDto>()
    fake.current.on('GET', '/auth/me/', read.answer)
    fake.current.on('PATCH', '/auth/me/', { ...ADA, first_name: 'Augusta' })
    const store = useAuthStore()
    const reading = store.reloadUser()
    await store.updateProfile({ firstName: 'Augusta', lastName: 'Lovelace' })
    read.release(ADA)
    await expect(reading).resolves.toMatchObject({ displayName: 'Augusta Lovelace' })
    expect(store.user?.displayName).toBe('Augusta Lovelace')
  })

  it('a profile read answered after the session ended does not sign the shopper back in', async () => {
    const read = held<UserDto>()
    fake.current.on('GET', '/auth/me/', read.answer)
    const store = useAuthStore()
    const reading = store.reloadUser()
    store.markSignedOut()
    read.release(ADA)
    await expect(reading).resolves.toBeNull()
    expect(store.isSignedIn).toBe(false)
  })

  it('a read with nothing else on the way is kept', async () => {
    fake.current.on('GET', '/auth/me/', { ...ADA, last_name: 'King' })
    const store = useAuthStore()
    await store.reloadUser()
    expect(store.user?.displayName).toBe('Ada King')
  })
})
