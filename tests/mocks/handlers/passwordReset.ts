import { createPasswordResetTokens, decodeUid, encodeUid } from '../auth/passwordResetTokens'
import type { DemoContext } from '../http/context'
import { FieldCollector, asObject, isEmail, passwordProblems } from '../http/fields'
import { json, validationError } from '../http/responses'
import type { Route } from '../http/router'

// Password reset as dj-rest-auth / Djoser do it, in the contract's shape (docs/openapi.yaml): the request answers the
// same whatever the email (no account enumeration); the link goes to the outbox (GET /__outbox/), never in an answer.

export const RESET_SENT = 'Password reset e-mail has been sent.'
export const RESET_DONE = 'Password has been reset with the new password.'
export const INVALID_UID = 'Invalid user id or user doesn\'t exist.'
export const INVALID_TOKEN = 'Invalid token for given user.'
/** The storefront page the link opens (the storefront's route). */
export const CONFIRM_PAGE = '/auth/password-reset/confirm'

export function passwordResetRoutes(options: { storefrontUrl: string, now: () => number }): Route[] {
  const tokens = createPasswordResetTokens(options.now)
  // From the backend's settings, never from the request's Host: a forged Host would send the link to the forger.
  const storefront = options.storefrontUrl.replace(/\/+$/, '')

  async function request(context: DemoContext): Promise<Response> {
    const fields = new FieldCollector(asObject(await context.body()))
    const email = fields.string('email', { maxLength: 254 })
    if (email !== undefined && !isEmail(email)) fields.add('email', 'Enter a valid email address.')
    fields.throwIfAny()
    const user = context.db.userByEmail(email as string)
    if (user) {
      const link = `${storefront}${CONFIRM_PAGE}?uid=${encodeUid(user.id)}&token=${await tokens.make(user)}`
      context.db.outbox.push({
        to: [user.email],
        subject: 'Password reset on Storefront',
        body: `You asked to reset the password of your Storefront account.\n\nSet a new password here:\n${link}\n\nIf you did not ask for this, ignore this email.\n`,
      })
    }
    return json({ detail: RESET_SENT })
  }

  async function confirm(context: DemoContext): Promise<Response> {
    const fields = new FieldCollector(asObject(await context.body()))
    const uid = fields.string('uid')
    const token = fields.string('token')
    const password = fields.string('new_password', { maxLength: 128 })
    fields.throwIfAny()
    // Djoser's order: the uid, then the token, then the password's validators; one field's errors at a time.
    const id = decodeUid(uid as string)
    const user = id === null ? undefined : context.db.users.get(id)
    if (!user) throw validationError({ uid: [INVALID_UID] })
    if (!await tokens.check(user, token as string)) throw validationError({ token: [INVALID_TOKEN] })
    const problems = passwordProblems(password as string)
    if (problems.length) throw validationError({ new_password: problems })
    user.password = password as string
    // Every session of the account ends at its next refresh: whoever knew the old password may hold one.
    context.tokens.blacklistAllOf(user.id)
    return json({ detail: RESET_DONE })
  }

  return [
    { method: 'POST', template: '/auth/password/reset/', handle: request },
    { method: 'POST', template: '/auth/password/reset/confirm/', handle: confirm },
  ]
}
