// HS256 JSON Web Tokens with Web Crypto, so the same code runs in Node, Vitest and a browser worker.

export interface JwtClaims {
  token_type: 'access' | 'refresh'
  exp: number
  iat: number
  jti: string
  user_id: number
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

function base64UrlEncode(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function base64UrlDecode(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  const bytes = new Uint8Array(new ArrayBuffer(binary.length))
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export function createJwtCodec(secret: string) {
  const keyPromise = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
  const header = base64UrlEncode(encoder.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' })))

  return {
    async sign(claims: JwtClaims): Promise<string> {
      const payload = base64UrlEncode(encoder.encode(JSON.stringify(claims)))
      const signature = await crypto.subtle.sign('HMAC', await keyPromise, encoder.encode(`${header}.${payload}`))
      return `${header}.${payload}.${base64UrlEncode(new Uint8Array(signature))}`
    },

    /** The claims if the signature is ours and the token is well formed; expiry is the caller's business. */
    async verify(token: string): Promise<JwtClaims | null> {
      const parts = token.split('.')
      if (parts.length !== 3) return null
      const [head, payload, signature] = parts as [string, string, string]
      try {
        const valid = await crypto.subtle.verify('HMAC', await keyPromise, base64UrlDecode(signature), encoder.encode(`${head}.${payload}`))
        if (!valid) return null
        const claims = JSON.parse(decoder.decode(base64UrlDecode(payload))) as Partial<JwtClaims>
        if (typeof claims.exp !== 'number' || typeof claims.jti !== 'string' || typeof claims.user_id !== 'number') return null
        if (claims.token_type !== 'access' && claims.token_type !== 'refresh') return null
        return claims as JwtClaims
      }
      catch {
        return null
      }
    },
  }
}
