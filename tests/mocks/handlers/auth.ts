import type { UserDto } from '../../../services/dto'
import type { UserRecord } from '../db/types'
import type { DemoContext } from '../http/context'
import { FieldCollector, asObject, isEmail, passwordProblems } from '../http/fields'
import { HttpError, detail, json, validationError } from '../http/responses'
import type { Route } from '../http/router'
import { isoDate } from '../serializers/catalog'

export function userDto(user: UserRecord): UserDto {
  return { id: user.id, email: user.email, first_name: user.firstName, last_name: user.lastName, date_joined: isoDate(user.dateJoined) }
}

async function register(context: DemoContext): Promise<Response> {
  const fields = new FieldCollector(asObject(await context.body()))
  const email = fields.string('email', { maxLength: 254 })?.toLowerCase()
  const password = fields.string('password', { maxLength: 128 })
  const firstName = fields.string('first_name', { required: false, allowBlank: true, maxLength: 150 }) ?? ''
  const lastName = fields.string('last_name', { required: false, allowBlank: true, maxLength: 150 }) ?? ''
  if (email !== undefined && !isEmail(email)) fields.add('email', 'Enter a valid email address.')
  else if (email !== undefined && context.db.userByEmail(email)) fields.add('email', 'user with this email already exists.')
  if (password !== undefined) passwordProblems(password).forEach(problem => fields.add('password', problem))
  fields.throwIfAny()
  const user = context.db.addUser({ email: email as string, password: password as string, firstName, lastName })
  return json(userDto(user), 201)
}

async function obtainToken(context: DemoContext): Promise<Response> {
  const fields = new FieldCollector(asObject(await context.body()))
  const email = fields.string('email')
  const password = fields.string('password')
  fields.throwIfAny()
  const user = context.db.userByEmail(email as string)
  if (!user || user.password !== password) {
    throw new HttpError(detail(401, 'No active account found with the given credentials'))
  }
  return json(await context.tokens.issuePair(user))
}

async function refreshField(context: DemoContext): Promise<string> {
  const fields = new FieldCollector(asObject(await context.body()))
  const refresh = fields.string('refresh')
  fields.throwIfAny()
  return refresh as string
}

async function updateMe(context: DemoContext): Promise<Response> {
  const user = await context.requireUser()
  const fields = new FieldCollector(asObject(await context.body()))
  // email and id are read-only: DRF ignores them on write.
  const firstName = fields.string('first_name', { required: false, allowBlank: true, maxLength: 150 })
  const lastName = fields.string('last_name', { required: false, allowBlank: true, maxLength: 150 })
  fields.throwIfAny()
  if (firstName !== undefined) user.firstName = firstName
  if (lastName !== undefined) user.lastName = lastName
  return json(userDto(user))
}

export const INVALID_PASSWORD = 'Invalid password.'

/**
 * Djoser's set_password (docs/openapi.yaml): the current password is checked first (a field-level check), the new
 * one's validators only once it is right; 204, and every session of the account ends at its next refresh.
 */
async function setPassword(context: DemoContext): Promise<Response> {
  const user = await context.requireUser()
  const fields = new FieldCollector(asObject(await context.body()))
  const current = fields.string('current_password', { maxLength: 128 })
  const next = fields.string('new_password', { maxLength: 128 })
  if (current !== undefined && current !== user.password) fields.add('current_password', INVALID_PASSWORD)
  fields.throwIfAny()
  const problems = passwordProblems(next as string)
  if (problems.length) throw validationError({ new_password: problems })
  user.password = next as string
  context.tokens.blacklistAllOf(user.id)
  return new Response(null, { status: 204 })
}

export const authRoutes: Route[] = [
  { method: 'POST', template: '/auth/register/', handle: register, authenticate: false },
  { method: 'POST', template: '/auth/token/', handle: obtainToken, authenticate: false },
  { method: 'POST', template: '/auth/token/refresh/', handle: async c => json(await c.tokens.refresh(await refreshField(c))), authenticate: false },
  { method: 'POST', template: '/auth/token/blacklist/', authenticate: false, handle: async (c) => {
    await c.tokens.blacklist(await refreshField(c))
    return json({})
  } },
  { method: 'GET', template: '/auth/me/', handle: async c => json(userDto(await c.requireUser())) },
  { method: 'PATCH', template: '/auth/me/', handle: updateMe },
  { method: 'POST', template: '/auth/users/set_password/', handle: setPassword },
]
