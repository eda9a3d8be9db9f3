import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

// Values kept for one refresh token are sealed with a key only that token's holder can derive: a copy of the
// storage (a Redis dump, a replica) yields neither usable keys (they are hashes) nor usable values.
const VERSION = 'v1'

function keyFor(secret: string): Buffer {
  return createHash('sha256').update('storefront-sealed-value\0').update(secret).digest()
}

/** AES-256-GCM over JSON, keyed by `secret` (the refresh token the value belongs to). */
export function seal(value: unknown, secret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret), iv)
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()])
  return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.')
}

/** The value, or undefined when it is not one sealed with `secret` (tampered, another token's, another format). */
export function unseal<T>(sealed: unknown, secret: string): T | undefined {
  if (typeof sealed !== 'string') return undefined
  const [version, iv, body, tag] = sealed.split('.')
  if (version !== VERSION || !iv || !body || !tag) return undefined
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret), Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
    return JSON.parse(text) as T
  }
  catch {
    return undefined
  }
}
