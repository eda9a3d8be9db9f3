import { afterAll, describe, expect, it } from 'vitest'
import type { TokenPairDto, UserDto } from '../../services/dto'
import { expectDrfError } from './support/drfErrors'
import { registerAndSignIn, uniqueEmail } from './support/fixtures'
import { assertSchema } from './support/schema'
import { contractTarget } from './support/target'

const target = await contractTarget()
const { client } = target
afterAll(() => target.close())

const refresh = (token: string) => client.call<TokenPairDto>('/auth/token/refresh/', { method: 'POST', body: { refresh: token } })

describe('auth: register and sign in', () => {
  it('register answers 201 with the user', async () => {
    const email = uniqueEmail()
    const response = await client.call<UserDto>('/auth/register/', { method: 'POST', body: { email, password: 'a-Long-passphrase-42', first_name: 'Ada' } })
    expect(response.status).toBe(201)
    assertSchema('User', response.body)
    expect(response.body.email).toBe(email)
  })

  it('register reports DRF field errors as lists of strings', async () => {
    const response = await client.call('/auth/register/', { method: 'POST', body: { email: 'not-an-email', password: '1' } })
    expect(response.status).toBe(400)
    assertSchema('FieldErrors', response.body)
    expect(response.body).toHaveProperty('email')
    expect(response.body).toHaveProperty('password')
  })

  it('registering an existing email is a field error on email', async () => {
    const { email } = await registerAndSignIn(client)
    const response = await client.call<Record<string, string[]>>('/auth/register/', { method: 'POST', body: { email, password: 'another-Passphrase-7' } })
    expect(response.status).toBe(400)
    expect(response.body.email?.length).toBeGreaterThan(0)
  })

  it('token with wrong credentials is 401 with a detail', async () => {
    const response = await client.call('/auth/token/', { method: 'POST', body: { email: uniqueEmail(), password: 'wrong-password-1' } })
    expect(response.status).toBe(401)
    assertSchema('ErrorDetail', response.body)
  })

  it('token without fields is 400 "This field is required."', async () => {
    const response = await client.call('/auth/token/', { method: 'POST', body: {} })
    expect(response.status).toBe(400)
    expect(response.body).toEqual({ email: ['This field is required.'], password: ['This field is required.'] })
  })

  it('token answers an access/refresh pair', async () => {
    const { tokens } = await registerAndSignIn(client)
    assertSchema('TokenPair', tokens)
  })
})

describe('auth: me', () => {
  it('GET /auth/me/ with the access token is the user', async () => {
    const { tokens, email } = await registerAndSignIn(client)
    const response = await client.call<UserDto>('/auth/me/', { token: tokens.access })
    expect(response.status).toBe(200)
    assertSchema('User', response.body)
    expect(response.body.email).toBe(email)
  })

  it('PATCH /auth/me/ updates names and ignores read-only fields', async () => {
    const { tokens, email } = await registerAndSignIn(client)
    const response = await client.call<UserDto>('/auth/me/', { method: 'PATCH', token: tokens.access, body: { first_name: 'Grace', email: 'x@example.com' } })
    expect(response.status).toBe(200)
    expect(response.body.first_name).toBe('Grace')
    expect(response.body.email).toBe(email)
  })

  it('without credentials: 401 {"detail": "Authentication credentials were not provided."} and WWW-Authenticate', async () => {
    const response = await client.call('/auth/me/')
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /)
    expectDrfError(response.body, 'Authentication credentials were not provided.', 'not_authenticated')
  })

  it('a bad access token: 401 token_not_valid with SimpleJWT\'s body', async () => {
    const response = await client.call<{ detail: string, code: string }>('/auth/me/', { token: 'not.a.token' })
    expect(response.status).toBe(401)
    assertSchema('TokenError', response.body)
    expect(response.body.detail).toBe('Given token not valid for any token type')
    expect(response.body.code).toBe('token_not_valid')
  })

  it('a bad access token is a 401 even on a public endpoint (DRF authenticates every request)', async () => {
    const response = await client.call('/products/?page_size=1', { token: 'not.a.token' })
    expect(response.status).toBe(401)
    assertSchema('TokenError', response.body)
  })

  it('a refresh token is not accepted as an access token', async () => {
    const { tokens } = await registerAndSignIn(client)
    const response = await client.call<{ code: string }>('/auth/me/', { token: tokens.refresh })
    expect(response.status).toBe(401)
    expect(response.body.code).toBe('token_not_valid')
  })
})

describe('auth: refresh rotation and blacklist', () => {
  it('refresh rotates: a new pair, and the new access token works', async () => {
    const { tokens } = await registerAndSignIn(client)
    const response = await refresh(tokens.refresh)
    expect(response.status).toBe(200)
    assertSchema('TokenPair', response.body)
    expect(response.body.refresh).not.toBe(tokens.refresh)
    expect((await client.call('/auth/me/', { token: response.body.access })).status).toBe(200)
  })

  it('reusing a rotated refresh token is 401 token_not_valid', async () => {
    const { tokens } = await registerAndSignIn(client)
    expect((await refresh(tokens.refresh)).status).toBe(200)
    const reuse = await refresh(tokens.refresh)
    expect(reuse.status).toBe(401)
    assertSchema('TokenError', reuse.body)
  })

  it('the rotated-in refresh token keeps working once', async () => {
    const { tokens } = await registerAndSignIn(client)
    const second = (await refresh(tokens.refresh)).body
    const third = await refresh(second.refresh)
    expect(third.status).toBe(200)
    expect((await refresh(second.refresh)).status).toBe(401)
  })

  it('blacklist (sign out) makes the refresh token unusable', async () => {
    const { tokens } = await registerAndSignIn(client)
    const out = await client.call('/auth/token/blacklist/', { method: 'POST', body: { refresh: tokens.refresh } })
    expect(out.status).toBe(200)
    const after = await refresh(tokens.refresh)
    expect(after.status).toBe(401)
    assertSchema('TokenError', after.body)
  })

  it('a garbage refresh token is 401 token_not_valid; a missing one is 400', async () => {
    const bad = await refresh('garbage')
    expect(bad.status).toBe(401)
    assertSchema('TokenError', bad.body)
    const missing = await client.call('/auth/token/refresh/', { method: 'POST', body: {} })
    expect(missing.status).toBe(400)
    expect(missing.body).toEqual({ refresh: ['This field is required.'] })
  })
})
