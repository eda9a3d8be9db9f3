import { afterAll, describe, expect, it } from 'vitest'
import type { TokenPairDto } from '../../services/dto'
import { registerAndSignIn, uniqueEmail } from './support/fixtures'
import { hasOutbox, messagesTo, resetLinkFor } from './support/outbox'
import { assertSchema } from './support/schema'
import { contractTarget } from './support/target'

const target = await contractTarget()
const { client } = target
const outbox = await hasOutbox(client)
afterAll(() => target.close())

const requestReset = (email: string) => client.call('/auth/password/reset/', { method: 'POST', body: { email } })
const confirm = (body: Record<string, unknown>) => client.call<Record<string, string[]>>('/auth/password/reset/confirm/', { method: 'POST', body })
const signIn = (email: string, password: string) => client.call<TokenPairDto>('/auth/token/', { method: 'POST', body: { email, password } })
const NEW_PASSWORD = 'Reset-passphrase-9f2'

describe('password reset: request', () => {
  it('answers 200 {detail} alike for an account and for an unknown email (no enumeration)', async () => {
    const { email } = await registerAndSignIn(client)
    const known = await requestReset(email)
    const unknown = await requestReset(uniqueEmail())
    expect(known.status).toBe(200)
    assertSchema('DetailMessage', known.body)
    expect([unknown.status, unknown.body]).toEqual([known.status, known.body])
    expect(Object.fromEntries(['content-type', 'set-cookie'].map(name => [name, unknown.headers.get(name)])))
      .toEqual(Object.fromEntries(['content-type', 'set-cookie'].map(name => [name, known.headers.get(name)])))
  })

  it('reports a malformed or missing email as a DRF field error', async () => {
    const malformed = await requestReset('not-an-email')
    expect(malformed.status).toBe(400)
    assertSchema('FieldErrors', malformed.body)
    expect(malformed.body).toHaveProperty('email')
    const missing = await client.call('/auth/password/reset/', { method: 'POST', body: {} })
    expect([missing.status, missing.body]).toEqual([400, { email: ['This field is required.'] }])
  })

  it.runIf(outbox)('emails a link to the storefront\'s confirm page with uid and token, and nothing to an unknown email', async () => {
    const { email } = await registerAndSignIn(client)
    const stranger = uniqueEmail()
    await requestReset(email)
    await requestReset(stranger)
    const { link, uid, token } = await resetLinkFor(client, email)
    expect(link.pathname).toBe('/auth/password-reset/confirm')
    expect(uid).toMatch(/^[\w-]+$/)
    expect(token).toMatch(/^[\w-]{10,}$/)
    expect(await messagesTo(client, stranger)).toEqual([])
  })
})

describe('password reset: confirm', () => {
  it('requires uid, token and new_password', async () => {
    const response = await confirm({})
    expect(response.status).toBe(400)
    expect(response.body).toEqual({ uid: ['This field is required.'], token: ['This field is required.'], new_password: ['This field is required.'] })
  })

  it('refuses a uid that names no user with a field error on uid', async () => {
    const response = await confirm({ uid: 'bm9wZQ', token: 'abc-123', new_password: NEW_PASSWORD })
    expect(response.status).toBe(400)
    assertSchema('FieldErrors', response.body)
    expect(Object.keys(response.body)).toEqual(['uid'])
  })

  it.runIf(outbox)('refuses a forged token with a field error on token, and the password is unchanged', async () => {
    const { email, password } = await registerAndSignIn(client)
    await requestReset(email)
    const { uid, token } = await resetLinkFor(client, email)
    const forged = `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`
    const response = await confirm({ uid, token: forged, new_password: NEW_PASSWORD })
    expect(response.status).toBe(400)
    expect(Object.keys(response.body)).toEqual(['token'])
    expect((await signIn(email, password)).status).toBe(200)
  })

  it.runIf(outbox)('says what the password validators say about a weak new password, under new_password', async () => {
    const { email } = await registerAndSignIn(client)
    await requestReset(email)
    const { uid, token } = await resetLinkFor(client, email)
    const response = await confirm({ uid, token, new_password: '1234' })
    expect(response.status).toBe(400)
    expect(Object.keys(response.body)).toEqual(['new_password'])
    expect(response.body.new_password).toEqual(expect.arrayContaining([
      'This password is too short. It must contain at least 8 characters.',
      'This password is entirely numeric.',
    ]))
  })

  it.runIf(outbox)('sets the new password once: the old one and the used link stop working, every refresh token is blacklisted', async () => {
    const { email, password, tokens } = await registerAndSignIn(client)
    await requestReset(email)
    const { uid, token } = await resetLinkFor(client, email)

    const done = await confirm({ uid, token, new_password: NEW_PASSWORD })
    expect(done.status).toBe(200)
    assertSchema('DetailMessage', done.body)

    expect((await signIn(email, password)).status).toBe(401)
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200)
    const again = await confirm({ uid, token, new_password: 'Another-passphrase-3' })
    expect([again.status, Object.keys(again.body)]).toEqual([400, ['token']])
    const refresh = await client.call<{ code: string }>('/auth/token/refresh/', { method: 'POST', body: { refresh: tokens.refresh } })
    expect([refresh.status, refresh.body.code]).toEqual([401, 'token_not_valid'])
  })
})
