import { afterAll, describe, expect, it } from 'vitest'
import type { TokenPairDto } from '../../services/dto'
import { registerAndSignIn } from './support/fixtures'
import { assertSchema } from './support/schema'
import { contractTarget } from './support/target'

const target = await contractTarget()
const { client } = target
afterAll(() => target.close())

const setPassword = (access: string | undefined, body: Record<string, unknown>) => client.call<Record<string, string[]>>('/auth/users/set_password/', {
  method: 'POST', body, token: access,
})
const signIn = (email: string, password: string) => client.call<TokenPairDto>('/auth/token/', { method: 'POST', body: { email, password } })
const NEW_PASSWORD = 'Changed-passphrase-7c1'

describe('set password (Djoser\'s /auth/users/set_password/)', () => {
  it('refuses a request without a token with 401', async () => {
    const response = await setPassword(undefined, { current_password: 'whatever-1', new_password: NEW_PASSWORD })
    expect(response.status).toBe(401)
  })

  it('requires both fields', async () => {
    const { tokens } = await registerAndSignIn(client)
    const response = await setPassword(tokens.access, {})
    expect(response.status).toBe(400)
    expect(response.body).toEqual({ current_password: ['This field is required.'], new_password: ['This field is required.'] })
  })

  it('refuses a wrong current password under current_password, and the password is unchanged', async () => {
    const { email, password, tokens } = await registerAndSignIn(client)
    const response = await setPassword(tokens.access, { current_password: `${password}-not`, new_password: NEW_PASSWORD })
    expect(response.status).toBe(400)
    assertSchema('FieldErrors', response.body)
    expect(response.body).toEqual({ current_password: ['Invalid password.'] })
    expect((await signIn(email, password)).status).toBe(200)
  })

  it('says what the password validators say about a weak new password, under new_password', async () => {
    const { email, password, tokens } = await registerAndSignIn(client)
    const response = await setPassword(tokens.access, { current_password: password, new_password: '1234' })
    expect(response.status).toBe(400)
    expect(Object.keys(response.body)).toEqual(['new_password'])
    expect(response.body.new_password).toEqual(expect.arrayContaining([
      'This password is too short. It must contain at least 8 characters.',
      'This password is entirely numeric.',
    ]))
    expect((await signIn(email, password)).status).toBe(200)
  })

  it('sets the new password with 204: the old one stops working and every refresh token of the user is blacklisted', async () => {
    const { email, password, tokens } = await registerAndSignIn(client)
    const other = (await signIn(email, password)).body
    const done = await setPassword(tokens.access, { current_password: password, new_password: NEW_PASSWORD })
    expect([done.status, done.text]).toEqual([204, ''])

    expect((await signIn(email, password)).status).toBe(401)
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200)
    for (const refresh of [tokens.refresh, other.refresh]) {
      const refreshed = await client.call<{ code: string }>('/auth/token/refresh/', { method: 'POST', body: { refresh } })
      expect([refreshed.status, refreshed.body.code]).toEqual([401, 'token_not_valid'])
    }
  })
})
