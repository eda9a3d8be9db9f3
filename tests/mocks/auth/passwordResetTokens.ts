import type { UserRecord } from '../db/types'

// Django's PasswordResetTokenGenerator, as the demo needs it: "<timestamp base36>-<HMAC>", where the HMAC covers the
// user's id, password and the timestamp. So a token stops working once the password changed (one use), after
// PASSWORD_RESET_TIMEOUT, or when it was not made here; nothing is stored. Web Crypto, so it also runs in a browser worker.

/** Django's default PASSWORD_RESET_TIMEOUT: three days. */
export const PASSWORD_RESET_TIMEOUT_S = 3 * 24 * 60 * 60

const encoder = new TextEncoder()

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map(byte => byte.toString(16).padStart(2, '0')).join('')
}

/** Compares without returning at the first difference, as Django's constant_time_compare. */
function sameText(a: string, b: string): boolean {
  let difference = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0)
  return difference === 0
}

/** Django's urlsafe_base64_encode(force_bytes(pk)): "1" -> "MQ". */
export function encodeUid(id: number): string {
  return btoa(String(id)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The user id a uid names, or null for anything that is not one. */
export function decodeUid(uid: string): number | null {
  if (!/^[\w-]{1,24}$/.test(uid)) return null
  try {
    const text = atob(uid.replace(/-/g, '+').replace(/_/g, '/'))
    return /^[1-9]\d{0,15}$/.test(text) ? Number(text) : null
  }
  catch {
    return null
  }
}

export function createPasswordResetTokens(nowMs: () => number, secret = 'demo-backend-password-reset') {
  const keyPromise = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const nowS = () => Math.floor(nowMs() / 1000)
  const hash = async (user: UserRecord, timestamp: number): Promise<string> =>
    hex(await crypto.subtle.sign('HMAC', await keyPromise, encoder.encode(`${user.id}${user.password}${timestamp}`))).slice(0, 32)

  return {
    async make(user: UserRecord): Promise<string> {
      const timestamp = nowS()
      return `${timestamp.toString(36)}-${await hash(user, timestamp)}`
    },
    async check(user: UserRecord, token: string): Promise<boolean> {
      const match = /^([0-9a-z]{1,13})-([0-9a-f]{32})$/.exec(token)
      if (!match) return false
      const timestamp = Number.parseInt(match[1] as string, 36)
      if (!sameText(await hash(user, timestamp), match[2] as string)) return false
      return nowS() - timestamp <= PASSWORD_RESET_TIMEOUT_S
    },
  }
}
